import { Table } from "~/components/table";
import { Link } from "@remix-run/react";

export type FailureRow = {
  youthId: string;
  youthName: string;
  ruleLabel: string;
  message: string;
  severity: "error" | "warning";
  fix: { href: string; label: string };
};

/** The youths a check names, each with the rule, what is wrong and where it is fixed. */
export function FailureTable({ id, caption, rows }: { id: string; caption: string; rows: FailureRow[] }) {
  return (
    <div className="table-wrap">
      <Table id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ungdom</th>
            <th scope="col">Regel</th>
            <th scope="col">Vad</th>
            <th scope="col">Rätta</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f, i) => (
            <tr key={`${f.youthId}-${i}`}>
              <td>
                <Link to={`/ungdomar/${f.youthId}`}>{f.youthName}</Link>
              </td>
              <td>{f.ruleLabel}</td>
              <td>
                {f.message}
                {f.severity === "warning" ? " (varning, stoppar inte filen)" : ""}
              </td>
              <td>
                <Link to={f.fix.href} aria-label={`${f.fix.label}: ${f.youthName}`}>
                  {f.fix.label}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
