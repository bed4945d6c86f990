import { Table } from "~/components/table";
import { Link } from "@remix-run/react";
import type { ActivityStatus } from "#db/schema/steering-values";
import { judgementLabel, notJudgedReason, type GoalPeriodStatus } from "~/modules/steering/goal-evaluation";
import { ACTIVITY_STATUS_LABELS } from "~/modules/steering/goal-labels";

/** Met, not met or cannot be judged, in words (the colour only repeats them). */
export function JudgementTag({ status }: { status: Pick<GoalPeriodStatus, "met" | "notJudged"> }) {
  const modifier = status.met === null ? "unjudged" : status.met ? "met" : "not-met";
  return (
    <span className={`status-tag status-tag--${modifier}`} title={notJudgedReason(status.notJudged) ?? undefined}>
      {judgementLabel(status.met)}
    </span>
  );
}

/** One period's judgement with its value: "Uppfyllt (92 %)". */
export function PeriodJudgement({ status }: { status: GoalPeriodStatus }) {
  return (
    <>
      <JudgementTag status={status} /> <span>{status.shown}</span>
      {status.ongoing ? <span className="muted"> (pågår)</span> : null}
    </>
  );
}

/** The goal's trend as a table: period, value, met. The chart (later) draws the same points. */
export function TrendTable({ trend, caption, id }: { trend: GoalPeriodStatus[]; caption: string; id: string }) {
  return (
    <div className="table-wrap">
      <Table id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Värde</th>
            <th scope="col">Målet</th>
          </tr>
        </thead>
        <tbody>
          {trend.map((p) => (
            <tr key={`${p.from}/${p.to}`}>
              <th scope="row">
                {p.label}
                {p.ongoing ? <span className="muted"> (pågår)</span> : null}
                <span className="block muted">
                  {p.from} – {p.to}
                </span>
              </th>
              <td>{p.shown}</td>
              <td>
                <JudgementTag status={p} />
                {p.notJudged ? <span className="block muted">{notJudgedReason(p.notJudged)}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

export type ActivityRow = {
  id?: number;
  description: string;
  owner: string;
  dueDate: string;
  status: ActivityStatus;
  overdue: boolean;
  goalId?: number | null;
  goalName: string | null;
  goalArchived?: boolean;
};

/** The handlingsplan's activities; overdue ones are marked in words as well as colour. */
export function ActivitiesTable({ activities, caption, editLink }: { activities: ActivityRow[]; caption: string; editLink?: (id: number) => string }) {
  if (activities.length === 0) return <p className="muted">Handlingsplanen har inga aktiviteter ännu.</p>;
  return (
    <div className="table-wrap">
      <Table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Aktivitet</th>
            <th scope="col">Ansvarig</th>
            <th scope="col">Klart senast</th>
            <th scope="col">Status</th>
            <th scope="col">Mål</th>
            {editLink ? <th scope="col">Ändra</th> : null}
          </tr>
        </thead>
        <tbody>
          {activities.map((a, i) => (
            <tr key={a.id ?? i} className={a.overdue ? "row--warning" : undefined}>
              <th scope="row" className="pre-line">
                {a.description}
              </th>
              <td>{a.owner}</td>
              <td>
                {a.dueDate}
                {a.overdue ? <strong className="block">Försenad</strong> : null}
              </td>
              <td>
                <span className="status">{ACTIVITY_STATUS_LABELS[a.status]}</span>
              </td>
              <td>
                {a.goalName ? a.goalId ? <Link to={`/uppfoljning/mal/${a.goalId}`}>{a.goalName}</Link> : a.goalName : <span className="muted">–</span>}
                {a.goalArchived ? <span className="muted"> (arkiverat)</span> : null}
              </td>
              {editLink && a.id !== undefined ? (
                <td>
                  <Link to={editLink(a.id)}>
                    Ändra<span className="visually-hidden"> {a.description}</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
