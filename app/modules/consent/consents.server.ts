/**
 * Samtycke (OSL 12 kap. 2 §): recorded and withdrawn by the KAA unit that keeps the youth's register.
 * Nothing is deleted: a withdrawal is written on the consent, and the history stays on the youth page.
 * decide() reads the consents on every request, so a withdrawal counts from the very next one.
 */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import {
  CONSENT_SECTIONS,
  consentRecipients,
  consents,
  consentSections,
  memberships,
  organisations,
  referrals,
  users,
  type ConsentMethod,
  type ConsentSection,
} from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-fields";
import { notFound } from "~/lib/http";
import type { ConsentInput, ConsentWithdrawalInput } from "~/modules/consent/consent-schemas";
import { checkConsentTerms, insertConsentTerms } from "~/modules/consent/consent-terms.server";
import { ageOn } from "~/modules/youth/personal-number";
import { unlinkUncoveredCaseItems } from "~/modules/meetings/case-item-links.server";
import type { ConsentableSection, YouthFile } from "~/modules/access/gate.server";
import type { OpenedFile } from "~/modules/access/gate.server";
import type { OwnFile } from "~/modules/access/own-file.server";
import { consentInForce } from "~/modules/access/policy";
import type { Actor } from "~/modules/auth/actor.server";
import { tellReferralRevoked } from "~/modules/referrals/referral-notices.server";

type Result = { ok: true; id: number } | { ok: false; errors: FieldErrors };

export type ConsentView = ReturnType<typeof consentsOfYouth>[number];

/** Who withdrew a consent the youth withdrew themselves on Mina sidor, as the staff view says it. */
export const WITHDRAWN_BY_YOUTH = "ungdomen själv på Mina sidor";

/**
 * Every consent of the youth, newest first, with recipients and sections by name. Any opened file
 * will do: the shared view shows a recipient the consents its sections rest on, and the gate has
 * logged the sections; the consent records as a whole are the KAA unit's (listConsents).
 */
function consentsOfYouth(file: { id: string }) {
  const db = getDb();
  const rows = db.select().from(consents).where(eq(consents.youthId, file.id)).orderBy(desc(consents.validFrom), desc(consents.id)).all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const recipients = db
    .select({ consentId: consentRecipients.consentId, id: organisations.id, name: organisations.name })
    .from(consentRecipients)
    .innerJoin(organisations, eq(organisations.id, consentRecipients.organisationId))
    .where(inArray(consentRecipients.consentId, ids))
    .orderBy(asc(organisations.name))
    .all();
  const sections = db.select().from(consentSections).where(inArray(consentSections.consentId, ids)).all();
  const people = db
    .select({ membershipId: memberships.id, name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      inArray(memberships.id, [
        ...new Set(
          rows.flatMap((r) => (r.withdrawnByMembershipId === null ? [r.recordedByMembershipId] : [r.recordedByMembershipId, r.withdrawnByMembershipId])),
        ),
      ]),
    )
    .all();
  const nameOf = (id: number | null) => people.find((p) => p.membershipId === id)?.name ?? null;
  return rows.map((r) => ({
    ...r,
    recipients: recipients.filter((x) => x.consentId === r.id).map(({ id, name }) => ({ id, name })),
    sections: CONSENT_SECTIONS.filter((section) => sections.some((x) => x.consentId === r.id && x.section === section)),
    recordedBy: nameOf(r.recordedByMembershipId),
    // Withdrawn by the youth on Mina sidor: no member of staff did it, so none is named.
    withdrawnBy: r.withdrawnByUserId !== null ? WITHDRAWN_BY_YOUTH : nameOf(r.withdrawnByMembershipId),
  }));
}

/** The consent history of a youth, for the KAA unit (the "consents" section is never shared). */
/**
 * The consents a shared view rests on (the ones the kernel named as the basis of its sections), and
 * nothing else of the consent history, which stays with the KAA unit.
 */
export function consentGrounds(file: YouthFile<ConsentableSection>, consentIds: ReadonlySet<number>) {
  return consentsOfYouth(file).filter((c) => consentIds.has(c.id));
}

/** The consent history: the KAA unit's page, and the youth's own (or a guardian's) on Mina sidor. */
export function listConsents(file: OpenedFile<"consents">) {
  return consentsOfYouth(file);
}

/** One consent and the referrals that rest on it. */
export function readConsent(file: OpenedFile<"consents">, consentId: number) {
  const consent = listConsents(file).find((c) => c.id === consentId);
  if (!consent) throw notFound();
  const basedOn = getDb()
    .select({ id: referrals.id, status: referrals.status, sentAt: referrals.sentAt, recipientName: organisations.name })
    .from(referrals)
    .innerJoin(organisations, eq(organisations.id, referrals.recipientOrganisationId))
    .where(eq(referrals.consentId, consentId))
    .orderBy(desc(referrals.sentAt))
    .all();
  return { consent, referrals: basedOn };
}

export function recordConsent(file: YouthFile<never, "consents">, input: ConsentInput): Result {
  const { actor, youth } = file;
  const today = todayIso();
  const age = ageOn(youth.birthDate, today);
  // For a youth under 18, the guardian's part depends on the youth's age and maturity: say how it was judged.
  if (age < 18 && input.givenBy !== "guardian" && !input.maturityNote) {
    return { ok: false, errors: { maturityNote: "Ungdomen är under 18 år. Beskriv kort hur ungdomens ålder och mognad bedömdes." } };
  }
  if (age >= 18 && input.givenBy !== "youth") {
    return { ok: false, errors: { givenBy: "Ungdomen har fyllt 18 år och ger själv sitt samtycke." } };
  }
  const terms = checkConsentTerms(input);
  if (!terms.ok) return terms;
  const db = getDb();
  const id = db.transaction((tx) => {
    const consentId = tx
      .insert(consents)
      .values({
        youthId: file.id,
        municipalityId: file.municipalityId,
        givenBy: input.givenBy,
        guardianName: input.givenBy === "youth" ? null : (input.guardianName ?? null),
        maturityNote: input.maturityNote ?? null,
        method: input.method,
        documentRef: input.documentRef ?? null,
        purpose: input.purpose,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        recordedByMembershipId: actor.membershipId,
      })
      .returning({ id: consents.id })
      .get().id;
    insertConsentTerms(tx, consentId, terms);
    return consentId;
  });
  return { ok: true, id };
}

const OPEN_REFERRAL_STATES = ["sent", "received", "accepted"] as const;

type Withdrawal = {
  date: string;
  method: ConsentMethod;
  note: string | null;
  /** The member of staff who recorded it, or the youth (user) who withdrew it on Mina sidor. */
  by: { actor: Actor } | { youthUserId: number };
};

/**
 * The one way a consent is withdrawn, by staff or by the youth, so that both have the same effect: it
 * stops opening the youth file at once (decide() reads it on the next request), the referrals that rest on
 * it and are still open are revoked and their recipients told, and case items on coming meetings no longer
 * covered lose their link. All in one transaction: a withdrawal never half takes effect.
 */
function recordWithdrawal(file: OpenedFile<never, "consents">, consentId: number, withdrawal: Withdrawal): Result {
  const db = getDb();
  const consent = db
    .select()
    .from(consents)
    .where(and(eq(consents.id, consentId), eq(consents.youthId, file.id)))
    .get();
  if (!consent) throw notFound();
  if (consent.withdrawnDate) return { ok: false, errors: { form: `Samtycket återkallades redan ${consent.withdrawnDate}.` } };
  if (withdrawal.date < consent.recordedAt.slice(0, 10)) {
    return { ok: false, errors: { withdrawnDate: "Återkallelsen kan inte ligga före det datum samtycket registrerades." } };
  }
  const now = new Date().toISOString();
  const staff = "actor" in withdrawal.by ? withdrawal.by.actor : null;
  const youthUserId = "youthUserId" in withdrawal.by ? withdrawal.by.youthUserId : null;
  const withdrawn = db.transaction((tx) => {
    // Guarded on "not yet withdrawn": of two withdrawals at once (two tabs, staff and youth) only one is written.
    const changed = tx
      .update(consents)
      .set({
        withdrawnDate: withdrawal.date,
        withdrawalMethod: withdrawal.method,
        withdrawalNote: withdrawal.note,
        withdrawnByMembershipId: staff?.membershipId ?? null,
        withdrawnByUserId: youthUserId,
        withdrawnAt: now,
      })
      .where(and(eq(consents.id, consentId), isNull(consents.withdrawnDate)))
      .run().changes;
    if (changed === 0) return false;
    const revoked = tx
      .update(referrals)
      .set({
        status: "revoked",
        revokedAt: now,
        revokedByMembershipId: staff?.membershipId ?? null,
        revokeReason: staff ? `Samtycket återkallades ${withdrawal.date}.` : `Ungdomen återkallade samtycket ${withdrawal.date}.`,
      })
      .where(and(eq(referrals.consentId, consentId), inArray(referrals.status, [...OPEN_REFERRAL_STATES])))
      .returning()
      .all();
    for (const referral of revoked) tellReferralRevoked(tx, referral, staff ?? "data_subject");
    // Case items on coming samverkan meetings that named the youth on this consent lose their link now.
    unlinkUncoveredCaseItems(file);
    return true;
  });
  if (!withdrawn) return { ok: false, errors: { form: "Samtycket har redan återkallats." } };
  return { ok: true, id: consentId };
}

/** The KAA unit records a withdrawal the youth or guardian made in writing, orally or digitally. */
export function withdrawConsent(file: YouthFile<never, "consents">, consentId: number, input: ConsentWithdrawalInput): Result {
  return recordWithdrawal(file, consentId, {
    date: input.withdrawnDate,
    method: input.withdrawalMethod,
    note: input.withdrawalNote ?? null,
    by: { actor: file.actor },
  });
}

/**
 * The youth withdraws their own consent on Mina sidor: today, "digitalt av ungdomen". Only the youth
 * (never a guardian: the kernel refuses a guardian any write, and this checks it again).
 */
export function withdrawConsentBySubject(file: OwnFile<never, "consents">, consentId: number): Result {
  if (file.relation !== "self") throw notFound();
  return recordWithdrawal(file, consentId, { date: todayIso(), method: "digital_by_youth", note: null, by: { youthUserId: file.citizen.userId } });
}

/**
 * Consents in force today that name the organisation and cover every section: the ground for a
 * referral, asked only by one who may write the youth's referrals.
 */
export function coveringConsentFor(file: YouthFile<never, "referrals">, organisationId: number, sections: readonly ConsentSection[], today = todayIso()) {
  return consentsOfYouth(file).find(
    (c) => consentInForce(c, today) && c.recipients.some((r) => r.id === organisationId) && sections.every((s) => c.sections.includes(s)),
  );
}
