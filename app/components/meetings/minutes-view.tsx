import { Table } from "~/components/table";
import type { MeetingView } from "~/modules/meetings/meeting-view.server";
import { ACTION_STATUS_LABELS, AGENDA_KIND_LABELS } from "~/modules/meetings/labels";
import type { ActionItemStatus } from "#db/schema";
import { AgendaItemBody } from "./agenda-parts";

export type MinutesActionItem = { id: number; title: string; dueDate: string; status: ActionItemStatus; agendaItemId: number | null; ownerName: string };

/** Who was there, as recorded in the minutes. */
export function Attendance({ participants }: { participants: MeetingView["participants"] }) {
  const present = participants.filter((p) => p.attendance === "present");
  const absent = participants.filter((p) => p.attendance === "absent");
  const unknown = participants.filter((p) => p.attendance === null);
  const names = (list: typeof participants) => list.map((p) => `${p.name} (${p.organisationName})`).join(", ");
  return (
    <dl className="facts">
      <dt>Närvarande</dt>
      <dd>{present.length > 0 ? names(present) : "–"}</dd>
      {absent.length > 0 ? (
        <>
          <dt>Frånvarande</dt>
          <dd>{names(absent)}</dd>
        </>
      ) : null}
      {unknown.length > 0 ? (
        <>
          <dt>Inbjudna</dt>
          <dd>{names(unknown)}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The minutes item by item, read-only: notes, decision and the action items decided there. */
export function MinutesItems({ items, actionItems }: { items: MeetingView["agenda"]; actionItems: MinutesActionItem[] }) {
  return (
    <ol className="minutes-items">
      {items.map((item) => {
        const decided = actionItems.filter((a) => a.agendaItemId === item.id && a.status !== "cancelled");
        return (
          <li key={item.id} className="minutes-item">
            <h3>
              § {item.number} {item.title} <span className="tag">{AGENDA_KIND_LABELS[item.kind]}</span>
            </h3>
            <AgendaItemBody item={item} />
            {item.minutes === null ? (
              <p className="muted">Anteckningarna om ärendet visas bara för deltagare som får se ärendet.</p>
            ) : (
              <>
                {item.minutes.notes ? <p className="pre-line">{item.minutes.notes}</p> : null}
                {item.minutes.decision ? (
                  <p className="pre-line">
                    <strong>Beslut:</strong> {item.minutes.decision}
                  </p>
                ) : null}
              </>
            )}
            {decided.length > 0 ? (
              <ul>
                {decided.map((a) => (
                  <li key={a.id}>
                    Åtgärd: {a.title} – {a.ownerName}, senast {a.dueDate}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

export function ActionItemsTable({
  actionItems,
  caption,
  strike,
}: {
  actionItems: MinutesActionItem[];
  caption: string;
  strike?: (item: MinutesActionItem) => React.ReactNode;
}) {
  if (actionItems.length === 0) return <p>Inga åtgärdspunkter.</p>;
  return (
    <div className="table-wrap">
      <Table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Åtgärd</th>
            <th scope="col">Ansvarig</th>
            <th scope="col">Klart senast</th>
            <th scope="col">Status</th>
            {strike ? <th scope="col">Stryk</th> : null}
          </tr>
        </thead>
        <tbody>
          {actionItems.map((a) => (
            <tr key={a.id}>
              <td>{a.title}</td>
              <td>{a.ownerName}</td>
              <td>{a.dueDate}</td>
              <td>{ACTION_STATUS_LABELS[a.status]}</td>
              {strike ? <td>{a.status === "open" ? strike(a) : "–"}</td> : null}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
