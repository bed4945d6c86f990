import { Table } from "~/components/table";
import { CHANNEL_LABELS, OCCUPATION_LABELS, outcomeLabel, TARGET_LABELS } from "~/modules/outreach/labels";
import type { ContactChannel, ContactOutcome, ContactTarget, Occupation } from "#db/schema/outreach-values";

export type ContactAttemptView = {
  id: number;
  date: string;
  channel: ContactChannel;
  target: ContactTarget;
  outcome: ContactOutcome;
  occupation: Occupation | null;
  occupationNote: string | null;
  secondStaff: string | null;
  note: string | null;
  letterTemplate: string | null;
  recordedBy: string;
};

/** Contact attempts, latest first: the youth page's and the granskare's case view. */
export function ContactAttemptTable({ attempts }: { attempts: ContactAttemptView[] }) {
  return (
    <div className="table-wrap">
      <Table>
        <caption className="visually-hidden">Kontaktförsök, senaste först</caption>
        <thead>
          <tr>
            <th scope="col">Datum</th>
            <th scope="col">Kontaktsätt</th>
            <th scope="col">Till</th>
            <th scope="col">Utfall</th>
            <th scope="col">Sysselsättning</th>
            <th scope="col">Registrerat av</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.id}>
              <td>{a.date}</td>
              <td>
                {CHANNEL_LABELS[a.channel]}
                {a.secondStaff ? ` (med ${a.secondStaff})` : ""}
                {a.note ? <span className="block muted">{a.note}</span> : null}
              </td>
              <td>{TARGET_LABELS[a.target]}</td>
              <td>{outcomeLabel(a)}</td>
              <td>
                {a.occupation ? OCCUPATION_LABELS[a.occupation] : "–"}
                {a.occupationNote ? `: ${a.occupationNote}` : ""}
              </td>
              <td>{a.recordedBy}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
