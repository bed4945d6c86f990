import { Table } from "~/components/table";
import { exportColumns, rowLabel } from "~/modules/annual-report/export-document";
import { formatShown } from "~/modules/statistics/follow-up-format";
import type { FollowUp } from "~/modules/statistics/follow-up.server";
import type { FigureTable } from "~/modules/statistics/follow-up-types";

/**
 * One follow-up table of the report: the period, the one before and a year earlier (one column when
 * those are the same period), with an optional link to download the table as CSV.
 */
export function ReportFiguresTable({ table, periods, csvHref }: { table: FigureTable; periods: FollowUp["periods"]; csvHref?: string }) {
  const columns = exportColumns(periods);
  return (
    <div className="table-wrap report-table">
      <Table id={`tabell-${table.id}`}>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Mått</th>
            {columns.map((c) => (
              <th scope="col" key={c.index}>
                {c.prefix ? `${c.prefix}: ` : ""}
                {c.period.label}
                <span className="block muted">
                  {c.period.from} – {c.period.to}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className={row.total ? "row--total" : undefined}>
              <th scope="row" className={row.indent ? "indent" : undefined}>
                {rowLabel(row)}
              </th>
              {columns.map((c) => (
                <td key={c.index}>{formatShown(row.cells[c.index] ?? { none: true })}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
      {table.note ? <p className="muted">{table.note}</p> : null}
      {csvHref ? (
        <p className="no-print">
          <a href={csvHref} download>
            Ladda ner ”{table.caption}” som CSV
          </a>
        </p>
      ) : null}
    </div>
  );
}
