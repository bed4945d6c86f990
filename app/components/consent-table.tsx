import { Table } from "~/components/table";
import { Link } from "@remix-run/react";
import { CONSENT_GIVER_LABELS, CONSENT_SECTION_SHORT, consentState } from "~/modules/consent/labels";
import type { ConsentGiver, ConsentSection } from "#db/schema/consent-values";

type Consent = {
  id: number;
  givenBy: ConsentGiver;
  guardianName: string | null;
  purpose: string;
  validFrom: string;
  validUntil: string;
  withdrawnDate: string | null;
  recipients: { id: number; name: string }[];
  sections: ConsentSection[];
  recordedBy: string | null;
};

/** The youth's consents, the withdrawn and expired ones kept in view: the history is part of the record. */
export function ConsentTable({ youthId, consents, today }: { youthId: string; consents: Consent[]; today: string }) {
  if (consents.length === 0) return <p>Inga samtycken är registrerade. Inga uppgifter lämnas till andra organisationer.</p>;
  return (
    <div className="table-wrap">
      <Table>
        <caption className="visually-hidden">Samtycken, senaste först</caption>
        <thead>
          <tr>
            <th scope="col">Samtycke</th>
            <th scope="col">Mottagare</th>
            <th scope="col">Delar</th>
            <th scope="col">Gavs av</th>
            <th scope="col">Läge</th>
          </tr>
        </thead>
        <tbody>
          {consents.map((c) => {
            const state = consentState(c, today);
            return (
              <tr key={c.id} className={state.key === "active" ? undefined : "row--inactive"}>
                <td>
                  <Link to={`/ungdomar/${youthId}/samtycken/${c.id}`}>Samtycke {c.id}</Link>
                  <span className="block muted">{c.purpose}</span>
                </td>
                <td>{c.recipients.map((r) => r.name).join(", ")}</td>
                <td>{c.sections.map((s) => CONSENT_SECTION_SHORT[s]).join(", ")}</td>
                <td>
                  {CONSENT_GIVER_LABELS[c.givenBy]}
                  {c.guardianName ? ` (${c.guardianName})` : ""}
                </td>
                <td>
                  {state.key === "active" ? <strong>{state.label}</strong> : state.label}
                  <span className="block muted">
                    {c.validFrom} – {c.validUntil}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
