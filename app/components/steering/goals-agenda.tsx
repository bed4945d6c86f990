import { Table } from "~/components/table";
import { formatDateTime } from "~/lib/format";
import type { GoalsAgendaView } from "~/modules/steering/agenda-goals";
import { ActivitiesTable, JudgementTag } from "./goal-parts";

/** The goals and the handlingsplan on an agenda: frozen when the agenda was sent, or a preview until then. */
export function GoalsAgendaBlock({ goals, id }: { goals: GoalsAgendaView; id: string }) {
  return (
    <div className="key-figures">
      <p className={goals.frozen ? "muted" : "alert alert--info"}>
        {goals.frozen
          ? `Ögonblicksbild fryst när dagordningen skickades (${formatDateTime(goals.frozenAt ?? goals.computedAt)}). Den ändras inte i efterhand.`
          : "Förhandsvisning med dagens läge. Målen och handlingsplanen fryses när dagordningen skickas."}
      </p>
      {goals.goals.length === 0 ? (
        <p className="muted">Kommunen har inga mål för aktivitetsansvaret ännu.</p>
      ) : (
        <div className="table-wrap">
          <Table id={`${id}-mal`}>
            <caption>Mål för aktivitetsansvaret</caption>
            <thead>
              <tr>
                <th scope="col">Mål</th>
                <th scope="col">Senast avslutade period</th>
                <th scope="col">Pågående period</th>
              </tr>
            </thead>
            <tbody>
              {goals.goals.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{g.name}</th>
                  <td>
                    {g.latest ? (
                      <>
                        {g.latest.label}: {g.latest.shown} <JudgementTag status={g.latest} />
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td>
                    {g.current.label}: {g.current.shown} <JudgementTag status={g.current} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      <p>
        Handlingsplanen reviderades senast {goals.plan.revisedOn ?? "– (ingen revision registrerad)"}
        {goals.plan.nextRevisionOn ? `; nästa revision ${goals.plan.nextRevisionOn}` : ""}.
      </p>
      <ActivitiesTable activities={goals.activities} caption="Handlingsplanens aktiviteter" />
      <p className="muted">
        Små tal visas inte: ett värde som bygger på färre än fem ungdomar står som ”färre än 5” och målet kan då inte bedömas. Inga uppgifter om enskilda
        ungdomar.
      </p>
    </div>
  );
}
