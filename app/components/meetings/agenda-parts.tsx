import { Table } from "~/components/table";
import { formatDate, formatDateTime } from "~/lib/format";
import type { AgendaItemView, CaseView, KeyFiguresView } from "~/modules/meetings/meeting-view.server";
import { ACTION_STATUS_LABELS, CASE_SECTION_LABELS } from "~/modules/meetings/labels";
import type { ActionItemStatus } from "#db/schema";
import { GoalsAgendaBlock } from "~/components/steering/goals-agenda";

/** The key-figure table of an agenda item: frozen when the agenda was sent, or a preview until then. */
export function KeyFiguresTable({ figures, id }: { figures: KeyFiguresView; id: string }) {
  return (
    <div className="key-figures">
      <p className={figures.frozen ? "muted" : "alert alert--info"}>
        {figures.frozen
          ? `Ögonblicksbild fryst när dagordningen skickades (${formatDateTime(figures.frozenAt ?? figures.computedAt)}). Siffrorna ändras inte i efterhand.`
          : "Förhandsvisning med dagens siffror. Siffrorna fryses när dagordningen skickas."}
      </p>
      <div className="table-wrap">
        <Table aria-describedby={`${id}-period`}>
          <caption>Nyckeltal för aktivitetsansvaret, {figures.municipalityName}</caption>
          <thead>
            <tr>
              <th scope="col">Nyckeltal</th>
              <th scope="col">Antal</th>
              <th scope="col">Så räknas det</th>
            </tr>
          </thead>
          <tbody>
            {figures.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
                <td className="muted">{row.explanation}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <p id={`${id}-period`} className="muted">
        Period: {figures.period.from} – {figures.period.to} (de senaste tolv månaderna). Bara antal, inga uppgifter om enskilda ungdomar.
      </p>
    </div>
  );
}

/** A case item as this viewer may see it. */
export function CaseItemDetails({ caseItem }: { caseItem: CaseView }) {
  if (caseItem.status === "free_text") {
    return <p className="muted">Avidentifierad ärendepunkt: ingen koppling till någon ungdom.</p>;
  }
  if (caseItem.status === "anonymised") {
    return (
      <p className="alert alert--warning">
        <strong>Avidentifierad.</strong> {caseItem.reason ?? "Kopplingen till ungdomen har tagits bort."}
      </p>
    );
  }
  const view = caseItem.view;
  if (view.kind === "hidden") {
    return <p className="alert alert--info">Ärendet gäller en ungdom. Uppgifterna visas bara för deltagare som ungdomen har samtyckt till att dela dem med.</p>;
  }
  return (
    <div className="case-item">
      <p className="muted">
        {view.basis === "consent" ? "Visas för dig med stöd av ungdomens samtycke." : "Visas för dig som registeransvarig på KAA-enheten."} Visningen loggas.
      </p>
      <dl className="facts">
        {view.identity ? (
          <>
            <dt>Ungdom</dt>
            <dd>
              {view.identity.name}, {view.identity.age} år
            </dd>
          </>
        ) : null}
        {view.plan ? (
          <>
            <dt>Planens mål</dt>
            <dd>{view.plan.goal ?? "Ingen plan är upprättad."}</dd>
            <dt>Pågående insatser</dt>
            <dd>
              {view.plan.interventions.length === 0 ? (
                "Inga pågående insatser."
              ) : (
                <ul className="compact-list">
                  {view.plan.interventions.map((i) => (
                    <li key={`${i.type}-${i.startDate}`}>
                      {i.type} – {i.responsible}, {i.startDate} – {i.plannedEndDate}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        ) : null}
      </dl>
      {view.hiddenSections.length > 0 ? (
        <p className="muted">Visas inte för dig: {view.hiddenSections.map((s) => CASE_SECTION_LABELS[s].toLowerCase()).join(", ")}.</p>
      ) : null}
    </div>
  );
}

export function FollowUpLine({ followUp }: { followUp: NonNullable<AgendaItemView["followUp"]> }) {
  return (
    <p>
      Åtgärdspunkt från {followUp.fromMeetingTitle} ({formatDate(followUp.fromMeetingStartsAt)}): ansvarig {followUp.ownerName}, klart senast {followUp.dueDate}
      . <strong className="status">{ACTION_STATUS_LABELS[followUp.status as ActionItemStatus]}</strong>
    </p>
  );
}

/** Description, case details, key figures and follow-up of one item: the body of an agenda row. */
export function AgendaItemBody({ item }: { item: AgendaItemView }) {
  return (
    <>
      {item.description ? <p className="pre-line">{item.description}</p> : null}
      {item.caseItem ? <CaseItemDetails caseItem={item.caseItem} /> : null}
      {item.keyFigures ? <KeyFiguresTable figures={item.keyFigures} id={`nyckeltal-${item.id}`} /> : null}
      {item.goals ? <GoalsAgendaBlock goals={item.goals} id={`mal-${item.id}`} /> : null}
      {item.followUp ? <FollowUpLine followUp={item.followUp} /> : null}
    </>
  );
}
