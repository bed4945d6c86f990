/**
 * Proposals to a meeting's agenda: the chair or secretary takes one on (a linked case item checked
 * against the consents again) or declines it, and the one who proposed it is told.
 */
import { eq } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { agendaItems } from "#db/schema";
import { forbidden } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { linkedItemCoverage } from "~/modules/meetings/case-item-coverage.server";
import { notify } from "~/modules/notifications/notifications.server";
import { acceptedItems, notEditable, requireItem, type AgendaItemRow, type Result } from "./agenda.server";
import { nextPosition } from "./agenda-order";
import { parseCaseSections } from "./case-item-consent";
import type { MeetingContext } from "./meetings.server";
import { meetingLink, meetingNoticeTopic } from "./meeting-notices.server";
import { agendaEditable, mayPlan } from "./permissions";

function tellProposer(tx: Tx, actor: Actor, ctx: MeetingContext, item: AgendaItemRow, notice: { title: string; body?: string }) {
  notify(
    tx,
    [
      {
        membershipId: item.proposedByMembershipId,
        kind: "proposal_decided",
        ...notice,
        link: meetingLink(ctx.meeting.id),
        topic: meetingNoticeTopic(ctx.meeting.id, "proposal_decided"),
      },
    ],
    { causedBy: actor.membershipId },
  );
}

/** Accepts a proposal onto the end of the agenda. A linked case item is checked against consents again. */
export function acceptProposal(actor: Actor, ctx: MeetingContext, itemId: number): Result<{ anonymised: boolean }> {
  if (!mayPlan(ctx.standing)) throw forbidden();
  if (!agendaEditable(ctx.meeting.status)) return notEditable;
  const item = requireItem(ctx, itemId);
  if (item.state !== "proposed") return { ok: false, errors: { form: "Förslaget är redan behandlat." } };
  let anonymised = false;
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    const changes: Partial<AgendaItemRow> = {
      state: "accepted",
      position: nextPosition(acceptedItems(ctx.meeting.id, tx)),
      decidedByMembershipId: actor.membershipId,
      decidedAt: now,
    };
    if (item.youthId) {
      // Only the forum municipality's own register can be linked, so that is the youth's home municipality.
      const coverage = linkedItemCoverage(
        { youthId: item.youthId, homeMunicipalityId: ctx.forum.municipalityId },
        ctx.meeting.id,
        parseCaseSections(item.caseSections),
        undefined,
        tx,
      );
      if (!coverage.covered) {
        anonymised = true;
        Object.assign(changes, {
          youthId: null,
          caseSections: null,
          anonymisedAt: now,
          anonymisedReason: "Kopplingen till ungdomen togs bort när förslaget godtogs: samtycket omfattar inte alla organisationer som deltar i mötet.",
        });
      }
    }
    tx.update(agendaItems).set(changes).where(eq(agendaItems.id, item.id)).run();
    tellProposer(tx, actor, ctx, item, { title: `Ditt förslag är med på dagordningen: ${ctx.meeting.title}` });
  });
  return { ok: true, anonymised };
}

export function declineProposal(actor: Actor, ctx: MeetingContext, itemId: number, reason: string): Result {
  if (!mayPlan(ctx.standing)) throw forbidden();
  if (!agendaEditable(ctx.meeting.status)) return notEditable;
  const item = requireItem(ctx, itemId);
  if (item.state !== "proposed") return { ok: false, errors: { form: "Förslaget är redan behandlat." } };
  getDb().transaction((tx) => {
    tx.update(agendaItems)
      .set({
        state: "declined",
        declineReason: reason,
        decidedByMembershipId: actor.membershipId,
        decidedAt: new Date().toISOString(),
        youthId: null,
        caseSections: null,
      })
      .where(eq(agendaItems.id, item.id))
      .run();
    // The reason is free text and may name someone: it stays on the meeting page, out of e-mail.
    tellProposer(tx, actor, ctx, item, { title: `Ditt förslag avböjdes: ${ctx.meeting.title}`, body: "Anledningen står på mötets sida." });
  });
  return { ok: true };
}
