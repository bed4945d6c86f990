import { Link } from "@remix-run/react";
import { CHECKLIST_POINT_LABELS, type ChecklistItem, type PointTarget } from "~/modules/documentation/checklist";

const STATE_TEXT = { done: "Klar", missing: "Saknas", not_applicable: "Inte aktuellt" } as const;

/** Where each point is filled in, on the youth's pages (of an earlier enrollment's plan, when one is named). */
export function checklistHref(youthId: string, target: PointTarget, enrollmentId?: number) {
  const plan = `/ungdomar/${youthId}/plan${enrollmentId ? `?inskrivning=${enrollmentId}` : ""}`;
  switch (target.kind) {
    case "assessment":
      return `/ungdomar/${youthId}/kartlaggning`;
    case "plan":
      return `${plan}#mal`;
    case "interventions":
      return `${plan}#insatser`;
    case "intervention":
      return `/ungdomar/${youthId}/insatser/${target.id}`;
  }
}

const POINT_HOME: Record<number, PointTarget> = {
  1: { kind: "plan" },
  2: { kind: "interventions" },
  3: { kind: "interventions" },
  4: { kind: "interventions" },
  5: { kind: "interventions" },
  6: { kind: "interventions" },
  7: { kind: "interventions" },
};

/** The seven points of the documentation, each done or missing, with a link to where it is filled in. */
export function Checklist({ youthId, items, readOnly = false }: { youthId: string; items: ChecklistItem[]; readOnly?: boolean }) {
  const missing = items.filter((i) => i.state === "missing").length;
  return (
    <>
      <p className={`alert ${missing === 0 ? "alert--success" : "alert--warning"}`}>
        {missing === 0 ? "Dokumentationen är komplett." : `${missing} av 7 punkter saknas i dokumentationen.`}
      </p>
      <ol className="checklist">
        {items.map((item) => (
          <li key={item.point} className={`checklist__item checklist__item--${item.state}`}>
            <span className="checklist__state">{STATE_TEXT[item.state]}</span>
            <span className="checklist__label">
              {readOnly ? (
                CHECKLIST_POINT_LABELS[item.point]
              ) : (
                <Link to={checklistHref(youthId, POINT_HOME[item.point]!)}>{CHECKLIST_POINT_LABELS[item.point]}</Link>
              )}
            </span>
            {item.note ? <span className="block muted">{item.note}</span> : null}
            {item.problems.length > 0 ? (
              <ul className="compact-list">
                {item.problems.map((p) => (
                  <li key={p.text}>{readOnly ? p.text : <Link to={checklistHref(youthId, p.target)}>{p.text}</Link>}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
