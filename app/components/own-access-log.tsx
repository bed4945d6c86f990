import { Table } from "~/components/table";
import { ACTION_LABELS, describeBasis, describeRole, SECTION_LABELS } from "~/modules/access/audit-labels";

export type OwnAccessLineView = {
  day: string;
  who: string;
  organisation: string | null;
  role: string | null;
  action: string;
  sections: string[];
  outcome: "allowed" | "denied";
  basis: string | null;
  basisRef: string | null;
  times: number;
};

/** Who has looked at the youth's file, when, what and why: the registerutdrag's log, newest first. */
export function OwnAccessLog({ lines }: { lines: OwnAccessLineView[] }) {
  if (lines.length === 0) return <p>Ingen har öppnat dina uppgifter.</p>;
  return (
    <div className="table-wrap">
      <Table>
        <caption className="visually-hidden">Vem som har tittat på dina uppgifter, senaste först</caption>
        <thead>
          <tr>
            <th scope="col">Dag</th>
            <th scope="col">Vem</th>
            <th scope="col">Vad</th>
            <th scope="col">Varför (grund)</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            <tr key={i}>
              <td>{line.day}</td>
              <td>
                {line.who}
                <span className="block muted">{[line.organisation, describeRole(line.role)].filter(Boolean).join(", ")}</span>
              </td>
              <td>
                {ACTION_LABELS[line.action] ?? line.action}: {line.sections.map((s) => SECTION_LABELS[s] ?? s).join(", ")}
                {line.times > 1 ? <span className="block muted">{line.times} gånger</span> : null}
              </td>
              <td>{describeBasis(line)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
