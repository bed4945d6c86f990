import { Table } from "~/components/table";
/** The stickprov's result: the auditors' table, the cases scored criterion by criterion, and how they were drawn. */
import { Link } from "@remix-run/react";
import { checklistHref } from "~/components/checklist";
import { formatDateTime } from "~/lib/format";
import type { CaseTarget, CriterionScore } from "~/modules/internal-control/criteria";
import {
  CRITERIA,
  CRITERION_LABELS,
  CRITERION_QUESTIONS,
  LEVEL_LABELS,
  LEVEL_SYMBOLS,
  methodText,
  SAMPLE_STATE_LABELS,
  totalText,
  type CriterionTotal,
  type SampleState,
} from "~/modules/internal-control/labels";
import { CHANNEL_LABELS } from "~/modules/outreach/labels";
import type { RoutineStep } from "~/modules/outreach/routine-engine";
import { plural } from "~/lib/plural";

export type SampleReportData = {
  sample: {
    id: number;
    seed: string;
    requestedSize: number;
    populationSize: number;
    periodFrom: string;
    periodTo: string;
    state: SampleState;
    caseworkerName: string | null;
    createdByName: string | null;
    createdAt: string;
    routine: RoutineStep[];
    frameEnrollmentIds: number[];
  };
  totals: CriterionTotal[];
  judgedOn: string;
  cases: {
    position: number;
    youth: { id: string; name: string; personalNumber: string } | null;
    enrollmentId: number | null;
    enrollment: { id: number; startDate: string; endDate: string | null; caseworkerName: string | null } | null;
    scores: CriterionScore[];
  }[];
};

/** Where a reason lies in the youth's record. */
export function caseHref(youthId: string, enrollmentId: number, target: CaseTarget) {
  if (target.kind === "contacts") return `/ungdomar/${youthId}#kontakter`;
  if (target.kind === "enrollment") return `/ungdomar/${youthId}#inskrivning`;
  return checklistHref(youthId, target, enrollmentId);
}

const UNIT_WORDS = { days: "dagar", weeks: "veckor", months: "månader" } as const;

/** Who the sample was drawn from, how, and against which routine. */
export function SampleFacts({ data }: { data: SampleReportData }) {
  const { sample } = data;
  return (
    <dl className="facts">
      <dt>Period</dt>
      <dd>
        {sample.periodFrom} – {sample.periodTo}
      </dd>
      <dt>Inskrivningar</dt>
      <dd>{SAMPLE_STATE_LABELS[sample.state]}</dd>
      <dt>Handläggare</dt>
      <dd>{sample.caseworkerName ?? "Alla"}</dd>
      <dt>Urvalsram</dt>
      <dd>
        {plural(sample.populationSize, "inskrivning", "inskrivningar")}; {plural(data.cases.length, "dragen", "dragna")}
        {data.cases.length < sample.requestedSize ? ` (${sample.requestedSize} begärda)` : ""}
      </dd>
      <dt>Frö</dt>
      <dd>
        <code>{sample.seed}</code>
      </dd>
      <dt>Draget</dt>
      <dd>
        {formatDateTime(sample.createdAt)}
        {sample.createdByName ? ` av ${sample.createdByName}` : ""}
      </dd>
      <dt>Bedömt</dt>
      <dd>{data.judgedOn}, mot dokumentationen som den ser ut då</dd>
    </dl>
  );
}

export function SampleMethod({ data }: { data: SampleReportData }) {
  return (
    <section aria-labelledby="metod-rubrik">
      <h2 id="metod-rubrik">Metod</h2>
      <p>{methodText(data.sample.seed)}</p>
      {data.sample.frameEnrollmentIds.length > 0 ? (
        <details>
          <summary>Urvalsramens {data.sample.frameEnrollmentIds.length} inskrivningsnummer, för att återskapa dragningen</summary>
          <p className="frame-ids">{data.sample.frameEnrollmentIds.join(", ")}</p>
        </details>
      ) : null}
      <p>
        Varje ärende bedöms på fyra områden, som revisorerna bedömer dem: uppfyllt (✓), delvis uppfyllt (◐) eller inte uppfyllt (✗), med skälen. Kontakten
        bedöms mot kommunens kontaktrutin som den var när stickprovet drogs:
      </p>
      <ol>
        {data.sample.routine.map((step) => (
          <li key={step.position}>
            {step.label} ({step.channels.map((c) => CHANNEL_LABELS[c].toLowerCase()).join(", ")}), {step.offsetAmount} {UNIT_WORDS[step.offsetUnit]} efter{" "}
            {step.position === 1 ? "inskrivningen" : "föregående steg"}
          </li>
        ))}
      </ol>
      <ul>
        {CRITERIA.map((c) => (
          <li key={c}>
            <strong>{CRITERION_LABELS[c]}:</strong> {CRITERION_QUESTIONS[c]}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The auditors' summary table (Nässjö's Tabell 3), with the totals as they write them. */
export function TotalsTable({ totals }: { totals: CriterionTotal[] }) {
  return (
    <div className="table-wrap">
      <Table id="sammanstallning">
        <caption>Sammanställt resultat av stickprovet</caption>
        <thead>
          <tr>
            <th scope="col">Område</th>
            <th scope="col">{LEVEL_SYMBOLS.met} Uppfyllt</th>
            <th scope="col">{LEVEL_SYMBOLS.partly} Delvis</th>
            <th scope="col">{LEVEL_SYMBOLS.not_met} Inte</th>
            <th scope="col">Sammanfattning</th>
          </tr>
        </thead>
        <tbody>
          {totals.map((t) => (
            <tr key={t.criterion}>
              <th scope="row">{CRITERION_LABELS[t.criterion]}</th>
              <td>
                {t.met}/{t.cases}
              </td>
              <td>
                {t.partly}/{t.cases}
              </td>
              <td>
                {t.notMet}/{t.cases}
              </td>
              <td>{totalText(t)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

/** Every case, criterion by criterion. `links`: reasons link to the record (the samordnare's page, not the print). */
export function SampleCases({ data, links }: { data: SampleReportData; links: boolean }) {
  return (
    <section aria-labelledby="arenden-rubrik">
      <h2 id="arenden-rubrik">Ärendena</h2>
      {data.cases.map((c) => {
        const title = c.youth ? `Ärende ${c.position}: ${c.youth.name} (${c.youth.personalNumber})` : `Ärende ${c.position}`;
        const youth = c.youth;
        const enrollment = c.enrollment;
        return (
          <article key={c.position} className="case-item card" aria-labelledby={`arende-${c.position}`}>
            <h3 id={`arende-${c.position}`}>{links && youth ? <Link to={`/ungdomar/${youth.id}`}>{title}</Link> : title}</h3>
            {enrollment ? (
              <p className="muted">
                {c.enrollmentId !== null ? `Inskrivning nr ${c.enrollmentId}. ` : ""}Inskriven {enrollment.startDate}
                {enrollment.endDate ? ` – ${enrollment.endDate}` : ", pågår"}
                {youth && enrollment.caseworkerName ? `. Handläggare: ${enrollment.caseworkerName}` : ""}.
              </p>
            ) : (
              <p className="alert alert--warning">Ärendet kan inte längre läsas ur kommunens register (ungdomen har till exempel flyttat).</p>
            )}
            <dl className="criteria">
              {c.scores.map((s) => (
                <div key={s.criterion} className={`criterion criterion--${s.level}`}>
                  <dt>
                    <span aria-hidden="true">{LEVEL_SYMBOLS[s.level]}</span> {CRITERION_LABELS[s.criterion]}: {LEVEL_LABELS[s.criterion][s.level]}
                  </dt>
                  <dd>
                    <ul className="compact-list">
                      {s.reasons.map((r, i) => (
                        <li key={i}>
                          {links && youth && enrollment && r.target ? <Link to={caseHref(youth.id, enrollment.id, r.target)}>{r.text}</Link> : r.text}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ))}
            </dl>
          </article>
        );
      })}
    </section>
  );
}

const LEVEL_SHORT = { met: "Uppfyllt", partly: "Delvis", not_met: "Inte" } as const;

/** One row per case, one column per criterion: the overview an auditor's Bilaga opens with. */
export function CaseGrid({ data }: { data: SampleReportData }) {
  return (
    <div className="table-wrap">
      <Table id="arenden-oversikt">
        <caption>Ärende för ärende</caption>
        <thead>
          <tr>
            <th scope="col">Ärende</th>
            {CRITERIA.map((c) => (
              <th scope="col" key={c}>
                {CRITERION_LABELS[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.cases.map((c) => (
            <tr key={c.position}>
              <th scope="row">
                <a href={`#arende-${c.position}`}>{c.youth ? `${c.position}. ${c.youth.name}` : c.position}</a>
              </th>
              {CRITERIA.map((criterion) => {
                const level = c.scores.find((s) => s.criterion === criterion)?.level;
                return (
                  <td key={criterion}>
                    {level ? (
                      <>
                        <span aria-hidden="true">{LEVEL_SYMBOLS[level]}</span> {LEVEL_SHORT[level]}
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
