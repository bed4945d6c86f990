import { Table } from "~/components/table";
import { Form } from "@remix-run/react";
import { PROPOSAL_EFFECT, PROPOSAL_KIND_LABELS, type ProposalKind } from "~/modules/reconciliation/labels";
import { formatDate } from "~/lib/format";

export type ProposalRowView = {
  id: number;
  name: string | null;
  personalNumber: string | null;
  effectiveDate: string;
  evidence: string[];
};

/** For a move: tell the new home municipality's KAA unit, when it is in the portal (name and personnummer only). */
function NotifyMoves({ id }: { id: string }) {
  return (
    <div className="field field--checkbox">
      <input type="checkbox" name="notify" value="1" id={id} defaultChecked />
      <label htmlFor={id}>Skicka en flyttanmälan till den nya hemkommunens KAA-enhet när den finns i portalen</label>
    </div>
  );
}

/**
 * The open proposals of one kind, each with its evidence, and the decisions: the ticked rows, or the
 * whole group at once. Plain forms: it works without JavaScript.
 */
export function ProposalTable({ kind, rows, total, upToRun }: { kind: ProposalKind; rows: ProposalRowView[]; total: number; upToRun: number }) {
  const dateLabel = kind.startsWith("end_") ? "Slutdatum" : "Datum";
  return (
    <>
      <Form method="post" id="forslag">
        <input type="hidden" name="kind" value={kind} />
        <div className="table-wrap">
          <Table>
            <caption>
              {PROPOSAL_KIND_LABELS[kind]}: {PROPOSAL_EFFECT[kind]}
            </caption>
            <thead>
              <tr>
                <th scope="col">Välj</th>
                <th scope="col">Person</th>
                <th scope="col">Underlag</th>
                <th scope="col">{dateLabel}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const who = r.name ?? "Elev på skolans lista";
                return (
                  <tr key={r.id}>
                    <td>
                      <input type="checkbox" name="id" value={r.id} id={`forslag-${r.id}`} />
                      <label htmlFor={`forslag-${r.id}`} className="visually-hidden">
                        Välj {who}
                      </label>
                    </td>
                    <td>
                      {who}
                      {r.personalNumber ? (
                        <>
                          <br />
                          <span className="muted">{r.personalNumber}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <ul className="compact-list">
                        {r.evidence.map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    </td>
                    <td>{formatDate(r.effectiveDate)}</td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </div>
        {kind === "end_moved" ? <NotifyMoves id="notify-rows" /> : null}
        <div className="button-row">
          <button type="submit" name="intent" value="accept" className="button">
            Godkänn markerade
          </button>
          <button type="submit" name="intent" value="reject" className="button button--secondary">
            Avvisa markerade
          </button>
        </div>
      </Form>
      <Form method="post" className="button-row">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="upToRun" value={upToRun} />
        {kind === "end_moved" ? <NotifyMoves id="notify-all" /> : null}
        <button type="submit" name="intent" value="accept-all" className="button button--secondary">
          Godkänn alla {total} i gruppen
        </button>
      </Form>
    </>
  );
}
