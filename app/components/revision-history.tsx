import { formatDateTime } from "~/lib/format";
import { ROLE_LABELS } from "~/modules/organizations/labels";
import type { Role } from "~/components/labels";

type Revision = { id: number; at: string; userName: string; role: string; summary: string; changes: { field: string; before: string; after: string }[] };

/** Who changed what and when, latest first: what an auditor reads. */
export function RevisionHistory({ revisions }: { revisions: Revision[] }) {
  if (revisions.length === 0) return <p>Inga ändringar ännu.</p>;
  return (
    <ol className="revision-list">
      {revisions.map((r) => (
        <li key={r.id}>
          <p className="revision-list__head">
            <strong>{formatDateTime(r.at)}</strong> · {r.userName} ({ROLE_LABELS[r.role as Role] ?? r.role}): {r.summary}
          </p>
          {r.changes.length > 0 ? (
            <ul className="compact-list">
              {r.changes.map((c) => (
                <li key={c.field}>
                  {c.field}: {c.before === "–" ? c.after : `${c.before} → ${c.after}`}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
