/**
 * Case items (ärendepunkter) within sekretess. A case item names a youth only if a consent in force
 * covers every organisation taking part in the meeting for every section the item shows; otherwise
 * the link is refused and the item can be added anonymised (free text, no link, no identifiers).
 * Finding the youth goes through the gate, which logs the search and the link and loads the
 * consents the coverage is judged on.
 */
import { getDb } from "#db/client";
import { forbidden } from "~/lib/http";
import type { FieldErrors } from "~/lib/form-fields";
import type { Actor } from "~/modules/auth/actor.server";
import { findYouthForCaseItem } from "~/modules/meetings/case-item-access.server";
import { coverageFor, describeMissingCoverage } from "~/modules/meetings/case-item-coverage.server";
import { insertAgendaItem, isActiveParticipant } from "./agenda.server";
import type { CaseItemInput } from "./agenda-schemas";
import { storeCaseSections } from "./case-item-consent";
import type { MeetingContext } from "./meetings.server";
import { agendaEditable, mayPropose } from "./permissions";
import type { CaseItemSection } from "#db/schema";

export type CaseItemResult =
  | { ok: true; id: number; state: string; linked: boolean }
  | { ok: false; errors: FieldErrors }
  /** The link was refused for want of consent: these organisations (and guests) are not covered. */
  | { ok: false; refused: string[] };

export function addCaseItem(actor: Actor, ctx: MeetingContext, input: CaseItemInput): CaseItemResult {
  if (!mayPropose(ctx.standing)) throw forbidden();
  if (!agendaEditable(ctx.meeting.status)) return { ok: false, errors: { form: "Dagordningen kan inte ändras när mötet har hållits eller är inställt." } };
  if (!isActiveParticipant(ctx.meeting.id, input.presenterParticipantId))
    return { ok: false, errors: { presenterParticipantId: "Välj en av mötets deltagare." } };
  const base = {
    kind: "case" as const,
    title: input.title,
    description: input.description ?? null,
    presenterParticipantId: input.presenterParticipantId,
    minutesAllotted: input.minutesAllotted,
  };

  if (input.mode === "anonymised") {
    const row = getDb().transaction((tx) => insertAgendaItem(tx, actor, ctx, base));
    return { ok: true, ...row, linked: false };
  }

  const found = findYouthForCaseItem(actor, ctx.forum.municipalityId, input.personalNumber ?? "");
  if (!found.ok) return { ok: false, errors: { [found.field]: found.error } };
  const sections: CaseItemSection[] = [...(input.showIdentity ? (["identity"] as const) : []), ...(input.showPlan ? (["plan"] as const) : [])];
  const { file } = found;
  const coverage = coverageFor(file.youth, file.consents, ctx.meeting.id, sections);
  if (!coverage.covered) return { ok: false, refused: describeMissingCoverage(coverage) };
  // The gate logged the link when it opened the file for it; the item itself stores nothing else of the youth.
  const row = getDb().transaction((tx) =>
    insertAgendaItem(tx, actor, ctx, {
      ...base,
      youthId: file.id,
      caseSections: storeCaseSections(sections),
      linkedAt: new Date().toISOString(),
      linkedByMembershipId: actor.membershipId,
    }),
  );
  return { ok: true, ...row, linked: true };
}
