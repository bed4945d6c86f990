/**
 * A meeting as one viewer may see it: the agenda in order with its total time, proposals, key
 * figures (frozen, or a preview until the agenda is sent), follow-ups of action items, and case
 * items, whose youth data each come through the access layer for this viewer (and are logged).
 * Shared by the meeting page, the minutes and the print views.
 */
import { eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { memberships, users, type AgendaItemKind, type AgendaItemState, type CaseItemSection } from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { Actor } from "~/modules/auth/actor.server";
import { viewCaseItems, type CaseItemView } from "~/modules/meetings/case-item-access.server";
import { computeKeyFigures } from "~/modules/statistics/key-figures.server";
import { keyFigureRows, parseKeyFigures, type KeyFigureRow, type KeyFigures } from "~/modules/statistics/key-figures";
import type { GoalsAgendaView } from "~/modules/steering/agenda-goals";
import { goalsAgendaViews } from "~/modules/steering/agenda-goals.server";
import { actionItemsById } from "./action-items.server";
import { agendaRows, type AgendaItemRow } from "./agenda.server";
import { inAgendaOrder, totalMinutes } from "./agenda-order";
import { parseCaseSections } from "./case-item-consent";
import { participantsOf, type MeetingContext } from "./meetings.server";
import { agendaEditable, mayMarkHeld, mayPlan, mayPropose, maySendAgenda, minutesEditable } from "./permissions";
import { formatMeetingTime, utcToStockholm } from "./time";

export type CaseView =
  { status: "linked"; sections: CaseItemSection[]; view: CaseItemView } | { status: "anonymised"; at: string; reason: string | null } | { status: "free_text" };

export type KeyFiguresView = {
  frozen: boolean;
  frozenAt: string | null;
  period: KeyFigures["period"];
  municipalityName: string;
  computedAt: string;
  rows: KeyFigureRow[];
};

export type AgendaItemView = {
  id: number;
  number: number | null;
  kind: AgendaItemKind;
  state: AgendaItemState;
  title: string;
  description: string | null;
  minutesAllotted: number;
  presenterParticipantId: number | null;
  presenterName: string | null;
  proposedByName: string;
  proposedByMe: boolean;
  declineReason: string | null;
  caseItem: CaseView | null;
  keyFigures: KeyFiguresView | null;
  /** Goals and the handlingsplan: frozen, or a preview until the agenda is sent. */
  goals: GoalsAgendaView | null;
  followUp: {
    actionItemId: number;
    title: string;
    ownerName: string;
    ownedByMe: boolean;
    dueDate: string;
    status: string;
    fromMeetingTitle: string;
    fromMeetingStartsAt: string;
  } | null;
  /** Notes and decision; null for a linked case item the viewer may not see. */
  minutes: { notes: string | null; decision: string | null } | null;
};

function namesOf(membershipIds: number[]) {
  if (membershipIds.length === 0) return new Map<number, string>();
  return new Map(
    getDb()
      .select({ id: memberships.id, name: users.displayName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(inArray(memberships.id, [...new Set(membershipIds)]))
      .all()
      .map((r) => [r.id, r.name] as const),
  );
}

function keyFiguresView(item: AgendaItemRow, preview: () => KeyFigures | null): KeyFiguresView | null {
  const frozen = parseKeyFigures(item.keyFigures);
  const figures = frozen ?? preview();
  if (!figures) return null;
  return {
    frozen: frozen !== null,
    frozenAt: item.keyFiguresFrozenAt,
    period: figures.period,
    municipalityName: figures.municipalityName,
    computedAt: figures.computedAt,
    rows: keyFigureRows(figures),
  };
}

export function meetingView(actor: Actor, ctx: MeetingContext) {
  const { meeting, forum, standing } = ctx;
  const rows = agendaRows(meeting.id);
  const participants = participantsOf(meeting.id, forum.id);
  const presenterNames = new Map(participants.map((p) => [p.id, p.name]));
  const names = namesOf([
    ...rows.map((r) => r.proposedByMembershipId),
    ...(meeting.adjusterMembershipId ? [meeting.adjusterMembershipId] : []),
    ...(meeting.minutesApprovedByMembershipId ? [meeting.minutesApprovedByMembershipId] : []),
  ]);
  const followUps = actionItemsById(rows.flatMap((r) => (r.actionItemId ? [r.actionItemId] : [])));
  const planner = mayPlan(standing);
  // The live preview is computed once per page, and only while the agenda can still change.
  let previewCache: KeyFigures | null | undefined;
  const preview = () => {
    if (previewCache === undefined) previewCache = agendaEditable(meeting.status) ? computeKeyFigures(forum.municipalityId) : null;
    return previewCache;
  };
  const today = todayIso();
  const goalViews = goalsAgendaViews(
    rows.filter((r) => r.kind === "goals" && r.state !== "declined" && r.state !== "withdrawn").map((r) => r.id),
    forum.municipalityId,
    agendaEditable(meeting.status),
  );

  const accepted = inAgendaOrder(rows.filter((r) => r.state === "accepted"));
  const proposals = rows.filter((r) => r.state === "proposed" && (planner || r.proposedByMembershipId === actor.membershipId));
  const closed = rows.filter((r) => (r.state === "declined" || r.state === "withdrawn") && (planner || r.proposedByMembershipId === actor.membershipId));
  // Every linked youth the viewer is shown on this page, opened through the gate in one batch.
  const linked = (row: AgendaItemRow): row is AgendaItemRow & { youthId: string } =>
    row.kind === "case" && row.youthId !== null && (row.state === "accepted" || row.state === "proposed");
  const caseViews = viewCaseItems(actor, [...accepted, ...proposals].filter(linked), today);

  const toView = (row: AgendaItemRow, number: number | null): AgendaItemView => {
    let caseItem: CaseView | null = null;
    if (row.kind === "case") {
      const view = linked(row) ? caseViews.get(row.id) : undefined;
      if (view) {
        caseItem = { status: "linked", sections: parseCaseSections(row.caseSections), view };
      } else if (row.anonymisedAt) caseItem = { status: "anonymised", at: row.anonymisedAt, reason: row.anonymisedReason };
      else caseItem = { status: "free_text" };
    }
    const follow = row.actionItemId ? followUps.get(row.actionItemId) : undefined;
    const hidden = caseItem?.status === "linked" && caseItem.view.kind === "hidden";
    return {
      id: row.id,
      number,
      kind: row.kind,
      state: row.state,
      title: row.title,
      description: row.description,
      minutesAllotted: row.minutesAllotted,
      presenterParticipantId: row.presenterParticipantId,
      presenterName: row.presenterParticipantId ? (presenterNames.get(row.presenterParticipantId) ?? null) : null,
      proposedByName: names.get(row.proposedByMembershipId) ?? "",
      proposedByMe: row.proposedByMembershipId === actor.membershipId,
      declineReason: row.declineReason,
      caseItem,
      keyFigures: row.kind === "key_figures" ? keyFiguresView(row, preview) : null,
      goals: goalViews.get(row.id) ?? null,
      followUp: follow
        ? {
            actionItemId: follow.id,
            title: follow.title,
            ownerName: follow.ownerName,
            ownedByMe: follow.ownerMembershipId === actor.membershipId,
            dueDate: follow.dueDate,
            status: follow.status,
            fromMeetingTitle: follow.meetingTitle,
            fromMeetingStartsAt: follow.meetingStartsAt,
          }
        : null,
      minutes: hidden ? null : { notes: row.minutesNotes, decision: row.minutesDecision },
    };
  };

  // E-mail addresses and delivery problems are the planners' business, not every member's.
  const emailProblems = planner
    ? participants.filter(
        (p) =>
          p.agendaEmailStatus === "failed" ||
          p.agendaEmailStatus === "no_address" ||
          p.agendaEmailStatus === "not_configured" ||
          // Queued after a failed attempt: the relay is having trouble; say so while it is retried.
          (p.agendaEmailStatus === "queued" && p.agendaEmailError !== null),
      )
    : [];

  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      status: meeting.status,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      timeLabel: formatMeetingTime(meeting.startsAt, meeting.endsAt),
      place: meeting.place,
      videoLink: meeting.videoLink,
      agendaSentAt: meeting.agendaSentAt,
      cancelReason: meeting.cancelReason,
      minutesNote: meeting.minutesNote,
      adjusterMembershipId: meeting.adjusterMembershipId,
      adjusterName: meeting.adjusterMembershipId ? (names.get(meeting.adjusterMembershipId) ?? null) : null,
      minutesApprovedAt: meeting.minutesApprovedAt,
      approvedByName: meeting.minutesApprovedByMembershipId ? (names.get(meeting.minutesApprovedByMembershipId) ?? null) : null,
    },
    forum: { id: forum.id, name: forum.name, kind: forum.kind },
    may: {
      plan: planner,
      propose: mayPropose(standing),
      editAgenda: planner && agendaEditable(meeting.status),
      proposeNow: mayPropose(standing) && agendaEditable(meeting.status),
      send: planner && maySendAgenda(meeting.status),
      markHeld: planner && mayMarkHeld(meeting.status, utcToStockholm(meeting.startsAt).date, today),
      writeMinutes: planner && minutesEditable(meeting.status),
      approve: standing.isAdjuster && meeting.status === "held",
      openForum: standing.forumRole !== null,
    },
    participants: planner ? participants : participants.map((p) => ({ ...p, email: null })),
    agenda: accepted.map((row, i) => toView(row, i + 1)),
    totalMinutes: totalMinutes(accepted),
    proposals: proposals.map((row) => toView(row, null)),
    closed: closed.map((row) => toView(row, null)),
    emailProblems,
  };
}

export type MeetingView = ReturnType<typeof meetingView>;
