import { Table } from "~/components/table";
import { Link } from "@remix-run/react";
import { interventionState, RESPONSIBLE_PARTY_LABELS } from "~/modules/documentation/labels";

export type InterventionView = {
  id: number;
  typeName: string;
  description: string | null;
  responsibleParty: keyof typeof RESPONSIBLE_PARTY_LABELS;
  responsibleUnit: string | null;
  responsibleOrganisation: string | null;
  provider: string | null;
  startDate: string;
  plannedEndDate: string;
  declinedDate: string | null;
  endDate: string | null;
  followUps: { id: number; dueDate: string; doneDate: string | null }[];
};

/** Who is responsible, in one phrase: "Kommunen (KAA-enheten)", "Annan aktör (Arbetsförmedlingen Nässjö)". */
export function responsibleText(i: Pick<InterventionView, "responsibleParty" | "responsibleUnit" | "responsibleOrganisation">) {
  const detail = i.responsibleParty === "municipality" ? i.responsibleUnit : i.responsibleParty === "other_actor" ? i.responsibleOrganisation : null;
  return `${RESPONSIBLE_PARTY_LABELS[i.responsibleParty]}${detail ? ` (${detail})` : ""}`;
}

/** The plan's interventions: what, who, when, state and the next follow-up. */
export function InterventionTable({
  youthId,
  interventions,
  today,
  linked = true,
}: {
  youthId: string;
  interventions: InterventionView[];
  today: string;
  linked?: boolean;
}) {
  if (interventions.length === 0) return <p>Inga insatser är dokumenterade.</p>;
  return (
    <div className="table-wrap">
      <Table>
        <caption className="visually-hidden">Insatser i planen</caption>
        <thead>
          <tr>
            <th scope="col">Insats</th>
            <th scope="col">Ansvarig</th>
            <th scope="col">Anordnare</th>
            <th scope="col">Tid</th>
            <th scope="col">Läge</th>
            <th scope="col">Nästa uppföljning</th>
          </tr>
        </thead>
        <tbody>
          {interventions.map((i) => {
            const state = interventionState(i, today);
            const next = i.followUps.find((f) => !f.doneDate);
            return (
              <tr key={i.id} className={state.key === "overdue" ? "row--warning" : undefined}>
                <td>
                  {linked ? <Link to={`/ungdomar/${youthId}/insatser/${i.id}`}>{i.typeName}</Link> : i.typeName}
                  {i.description ? <span className="block muted">{i.description}</span> : null}
                </td>
                <td>{responsibleText(i)}</td>
                <td>{i.provider ?? "–"}</td>
                <td>
                  {i.startDate} – {i.endDate ?? i.plannedEndDate}
                  {!i.endDate && !i.declinedDate ? <span className="block muted">planerat slut</span> : null}
                </td>
                <td>
                  {state.key === "overdue" ? <strong>{state.label}</strong> : state.label}
                  {i.declinedDate ? <span className="block muted">{i.declinedDate}</span> : null}
                </td>
                <td>
                  {next ? (
                    next.dueDate < today ? (
                      <strong>{next.dueDate} (försenad)</strong>
                    ) : (
                      next.dueDate
                    )
                  ) : i.endDate || i.declinedDate ? (
                    "–"
                  ) : i.followUps.length > 0 ? (
                    "Ingen ny planerad"
                  ) : (
                    <strong>Saknas</strong>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
