import { Table } from "~/components/table";
/** A CSV file's check, row by row (the notice import and the school lists): each row right, or its errors by field. */
export type ReportRow = { line: number; ok: boolean; errors: readonly { field: string; message: string }[]; name?: string };

export function RowReport({ rows, withName = false }: { rows: readonly ReportRow[]; withName?: boolean }) {
  return (
    <div className="table-wrap">
      <Table>
        <caption className="visually-hidden">Kontroll rad för rad</caption>
        <thead>
          <tr>
            <th scope="col">Rad</th>
            {withName ? <th scope="col">Elev</th> : null}
            <th scope="col">Resultat</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} className={row.ok ? undefined : "row--denied"}>
              <td>{row.line}</td>
              {withName ? <td>{row.name}</td> : null}
              <td>
                {row.ok ? (
                  "Rätt"
                ) : (
                  <ul className="compact-list">
                    {row.errors.map((e) => (
                      <li key={e.field + e.message}>
                        <strong>{e.field}:</strong> {e.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
