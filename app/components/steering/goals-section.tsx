import { Link } from "@remix-run/react";
import type { GoalPeriodStatus } from "~/modules/steering/goal-evaluation";
import { GOAL_PERIOD_PER } from "~/modules/steering/goal-labels";
import type { GoalPeriodKind } from "#db/schema/steering-values";
import { PeriodJudgement } from "./goal-parts";

type GoalOnPage = { id: number; name: string; periodKind: GoalPeriodKind; status: GoalPeriodStatus | null };

/** The follow-up page's goals: judged for the chosen period where they follow its kind, linked to their own page. */
export function GoalsSection({ goals, periodLabel }: { goals: GoalOnPage[]; periodLabel: string }) {
  return (
    <section aria-labelledby="goals-heading" className="card">
      <h2 id="goals-heading">Mål och handlingsplan</h2>
      {goals.length === 0 ? (
        <p>Kommunen har inga mål för aktivitetsansvaret ännu.</p>
      ) : (
        <ul className="link-list">
          {goals.map((g) => (
            <li key={g.id}>
              <Link to={`/uppfoljning/mal/${g.id}`}>{g.name}</Link>
              {": "}
              {g.status ? (
                <>
                  {periodLabel} <PeriodJudgement status={g.status} />
                </>
              ) : (
                <span className="muted">följs {GOAL_PERIOD_PER[g.periodKind]}; välj en sådan period eller öppna målet.</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/uppfoljning/mal">Alla mål och hur de har utvecklats</Link> · <Link to="/uppfoljning/handlingsplan">Handlingsplanen</Link>
      </p>
    </section>
  );
}
