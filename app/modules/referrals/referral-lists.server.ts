/**
 * The referral lists: the KAA unit's sent referrals (its register, opened with openRegister) and a
 * recipient's inbox (new, accepted, closed), decided per row by the kernel. Each page logs every
 * youth it names in one transaction; a referral whose consent no longer holds is listed to the
 * recipient without any youth data.
 */
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "#db/client";
import { organisations, referrals, youths, type ReferralStatus } from "#db/schema";
import { cappedCount } from "~/lib/capped-count.server";
import { COUNT_CAP, pageCountOf, pageWithin } from "~/lib/counting";
import { forbidden } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { INBOX_TABS, type InboxTab } from "~/modules/referrals/referral-states";
import { namesOf } from "~/modules/referrals/referral-people.server";
import type { RegisterAccess } from "~/modules/access/gate.server";
import { decideReferrals } from "~/modules/access/records.server";

export const REFERRAL_PAGE_SIZE = 25;

export type ListedReferral = {
  id: number;
  status: ReferralStatus;
  sentAt: string;
  available: boolean;
  youthName: string | null;
  youthId: string | null;
  question: string | null;
  counterpart: string;
  responsible: string | null;
};

type Side = "sender" | "recipient";

/**
 * One page of referrals in the scope, with the youth's name, the counterpart and the responsible.
 * The total is counted only up to `countCap`, and the page is kept within the pages counted.
 */
function referralPage(scope: SQL, tab: InboxTab, pageAsked: number, side: Side, countCap: number) {
  const db = getDb();
  const where = and(scope, inArray(referrals.status, [...INBOX_TABS[tab]]));
  const { total, moreThanCap } = cappedCount(
    db
      .select({ one: sql`1` })
      .from(referrals)
      .where(where),
    countCap,
  );
  const pageCount = pageCountOf(total, REFERRAL_PAGE_SIZE);
  const page = pageWithin(pageAsked, pageCount);
  const rows = db
    .select({ referral: referrals, youthFirst: youths.firstName, youthLast: youths.lastName })
    .from(referrals)
    .innerJoin(youths, eq(youths.id, referrals.youthId))
    .where(where)
    .orderBy(desc(referrals.sentAt), desc(referrals.id))
    .limit(REFERRAL_PAGE_SIZE)
    .offset((page - 1) * REFERRAL_PAGE_SIZE)
    .all();
  const counterpartOf = (row: typeof referrals.$inferSelect) => (side === "sender" ? row.recipientOrganisationId : row.senderOrganisationId);
  const counterparts = new Map(
    rows.length
      ? db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, [...new Set(rows.map((r) => counterpartOf(r.referral)))]))
          .all()
          .map((o) => [o.id, o.name])
      : [],
  );
  const people = namesOf(rows.map((r) => r.referral.responsibleMembershipId));
  const toListed = ({ referral: row, youthFirst, youthLast }: (typeof rows)[number], available: boolean): ListedReferral => ({
    id: row.id,
    status: row.status,
    sentAt: row.sentAt,
    available,
    youthName: available ? `${youthLast}, ${youthFirst}` : null,
    youthId: available ? row.youthId : null,
    question: available ? row.question : null,
    counterpart: counterparts.get(counterpartOf(row)) ?? "",
    responsible: row.responsibleMembershipId ? (people.get(row.responsibleMembershipId) ?? null) : null,
  });
  return { total, moreThanCap, rows, toListed, page, pageCount };
}

/** The referrals the KAA unit has sent about its register's youths; every youth named is logged. */
export function listSentReferrals(register: RegisterAccess, tab: InboxTab, page: number, countCap = COUNT_CAP) {
  const found = referralPage(eq(referrals.municipalityId, register.municipalityId), tab, page, "sender", countCap);
  register.logListed(
    found.rows.map((r) => r.referral.youthId),
    "referrals",
  );
  return {
    asSender: true,
    total: found.total,
    moreThanCap: found.moreThanCap,
    page: found.page,
    pageCount: found.pageCount,
    rows: found.rows.map((r) => found.toListed(r, true)),
  };
}

/**
 * A recipient organisation's inbox. Each referral is decided on the consent it rests on; only those
 * shown with their youth are logged (the others show only that a referral existed).
 */
export function listReceivedReferrals(actor: Actor, tab: InboxTab, page: number, countCap = COUNT_CAP) {
  if (actor.organisationId === null) throw forbidden();
  const found = referralPage(eq(referrals.recipientOrganisationId, actor.organisationId), tab, page, "recipient", countCap);
  const decisions = decideReferrals(
    actor,
    found.rows.map((r) => r.referral),
    "read",
    "list",
    "allowed",
  );
  return {
    asSender: false,
    total: found.total,
    moreThanCap: found.moreThanCap,
    page: found.page,
    pageCount: found.pageCount,
    rows: found.rows.map((r) => found.toListed(r, decisions.get(r.referral.id)?.allowed === true)),
  };
}
