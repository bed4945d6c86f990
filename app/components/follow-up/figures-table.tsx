import { Table } from "~/components/table";
/** The follow-up's tables: a period's figures beside the period before and a year earlier, and the trend. */
import { formatShown } from "~/modules/statistics/follow-up-format";
import type { FigureRow, FigureTable } from "~/modules/statistics/follow-up-types";

type PeriodHead = { label: string; from: string; to: string };

export function FiguresTable({ table, periods }: { table: FigureTable; periods: PeriodHead[] }) {
  return (
    <div className="table-wrap">
      <Table id={table.id}>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Mått</th>
            {periods.map((p, i) => (
              <th scope="col" key={i}>
                {i === 0 ? p.label : i === 1 ? `Föregående: ${p.label}` : `Ett år tidigare: ${p.label}`}
                <span className="block muted">
                  {p.from} – {p.to}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className={row.total ? "row--total" : undefined}>
              <th scope="row" className={row.indent ? "indent" : undefined}>
                {row.indent ? "varav " : ""}
                {row.label}
              </th>
              {row.cells.map((cell, i) => (
                <td key={i}>{formatShown(cell)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
      {table.note ? <p className="muted">{table.note}</p> : null}
    </div>
  );
}

/** The overview's figures over the last periods of the kind, oldest first (the charts' numbers). */
export function TrendTable({ trend, id = "utveckling" }: { trend: { periods: PeriodHead[]; rows: FigureRow[] }; id?: string }) {
  return (
    <div className="table-wrap">
      <Table id={id}>
        <caption>Utveckling över tid</caption>
        <thead>
          <tr>
            <th scope="col">Mått</th>
            {trend.periods.map((p) => (
              <th scope="col" key={p.from}>
                {p.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {trend.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                <td key={i}>{formatShown(cell)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
