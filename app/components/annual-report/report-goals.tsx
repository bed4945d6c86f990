import { Table } from "~/components/table";
/** The goals in the annual report: each goal, the periods of its kind within the report's, met or not. */
import { judgementLabel, notJudgedReason } from "~/modules/steering/goal-evaluation";
import type { GoalInReport } from "~/modules/steering/goal-status.server";

export function ReportGoals({ goals }: { goals: GoalInReport[] | undefined }) {
  if (!goals) return null;
  if (goals.length === 0) return <p>Inga mål var beslutade när rapporten togs fram.</p>;
  const met = goals.flatMap((g) => g.periods).filter((p) => p.met === true).length;
  const judged = goals.flatMap((g) => g.periods).filter((p) => p.met !== null).length;
  return (
    <div className="table-wrap report-table">
      <Table id="mal-uppfyllelse">
        <caption>
          Målen och hur de uppfylldes ({met} av {judged} bedömda perioder uppfyllda)
        </caption>
        <thead>
          <tr>
            <th scope="col">Mål</th>
            <th scope="col">Period</th>
            <th scope="col">Utfall</th>
            <th scope="col">Bedömning</th>
          </tr>
        </thead>
        <tbody>
          {goals.map((goal) =>
            goal.periods.length === 0 ? (
              <tr key={goal.id}>
                <th scope="row">{goal.name}</th>
                <td colSpan={3}>Ingen hel period av målets slag inom rapportens period.</td>
              </tr>
            ) : (
              goal.periods.map((p, i) => (
                <tr key={`${goal.id}-${p.from}`}>
                  {i === 0 ? (
                    <th scope="row" rowSpan={goal.periods.length}>
                      {goal.name}
                    </th>
                  ) : null}
                  <td>{p.label}</td>
                  <td>{p.shown}</td>
                  <td>
                    {judgementLabel(p.met)}
                    {p.notJudged ? <span className="block muted">{notJudgedReason(p.notJudged)}</span> : null}
                  </td>
                </tr>
              ))
            ),
          )}
        </tbody>
      </Table>
    </div>
  );
}
