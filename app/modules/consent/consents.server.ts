/**
 * Samtycke (OSL 12 kap. 2 §): recorded and withdrawn by the KAA unit that keeps the youth's register.
 * Nothing is deleted: a withdrawal is written on the consent, and the history stays on the youth page.
 * decide() reads the consents on every request, so a withdrawal counts from the very next one.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { CONSENT_SECTIONS, consentRecipients, consents, consentSections, memberships, organisations, referrals, users, type ConsentSection } from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-fields";
import { notFound } from "~/lib/http";
import type { ConsentInput, ConsentWithdrawalInput } from "~/modules/consent/consent-schemas";
import { CONSENT_RECIPIENT_KINDS } from "~/modules/organizations/partners.server";
import { ageOn } from "~/modules/youth/personal-number";
import { unlinkUncoveredCaseItems } from "~/modules/meetings/case-item-links.server";
import type { ConsentableSection, YouthFile } from "~/modules/access/gate.server";
import { consentInForce } from "~/modules/access/policy";
import { tellReferralRevoked } from "~/modules/referrals/referral-notices.server";

type Result = { ok: true; id: number } | { ok: false; errors: FieldErrors };

export type ConsentView = ReturnType<typeof consentsOfYouth>[number];

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
    .where(inArray(memberships.id, [...new Set(rows.flatMap((r) => [r.recordedByMembershipId, r.withdrawnByMembershipId ?? r.recordedByMembershipId]))]))
    .all();
  const nameOf = (id: number | null) => people.find((p) => p.membershipId === id)?.name ?? null;
  return rows.map((r) => ({
    ...r,
    recipients: recipients.filter((x) => x.consentId === r.id).map(({ id, name }) => ({ id, name })),
    sections: CONSENT_SECTIONS.filter((section) => sections.some((x) => x.consentId === r.id && x.section === section)),
    recordedBy: nameOf(r.recordedByMembershipId),
    withdrawnBy: nameOf(r.withdrawnByMembershipId),
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

export function listConsents(file: YouthFile<"consents">) {
  return consentsOfYouth(file);
}

/** One consent and the referrals that rest on it. */
export function readConsent(file: YouthFile<"consents">, consentId: number) {
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
  const db = getDb();
  const recipientIds = [...new Set(input.recipientOrganisationIds)];
  const valid = db
    .select({ id: organisations.id, kind: organisations.kind, name: organisations.name })
    .from(organisations)
    .where(and(inArray(organisations.id, recipientIds), inArray(organisations.kind, [...CONSENT_RECIPIENT_KINDS])))
    .all();
  if (valid.length !== recipientIds.length) return { ok: false, errors: { recipientOrganisationIds: "Välj mottagare ur listan." } };
  // The styrgrupp works with aggregates; a youth reaches it only as a case item on a meeting (name and plan).
  const steering = valid.find((o) => o.kind === "steering_group");
  if (steering && input.sections.some((section) => !STEERING_GROUP_SECTIONS.includes(section))) {
    return {
      ok: false,
      errors: {
        sections: `${steering.name} kan bara få ta del av identitet och plan, för en ärendepunkt på ett möte. Registrera ett eget samtycke för de andra mottagarna.`,
      },
    };
  }
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
    tx.insert(consentRecipients)
      .values(recipientIds.map((organisationId) => ({ consentId, organisationId })))
      .run();
    tx.insert(consentSections)
      .values([...new Set(input.sections)].map((section: ConsentSection) => ({ consentId, section })))
      .run();
    return consentId;
  });
  return { ok: true, id };
}

/** What a consent may open to a styrgrupp: what a case item on its meeting shows. */
const STEERING_GROUP_SECTIONS: readonly ConsentSection[] = ["identity", "plan"];

const OPEN_REFERRAL_STATES = ["sent", "received", "accepted"] as const;

/**
 * Withdraws a consent. It stops opening the youth file at once (decide() reads it on the next
 * request), and the referrals that rest on it and are still open are revoked in the same transaction.
 */
export function withdrawConsent(file: YouthFile<never, "consents">, consentId: number, input: ConsentWithdrawalInput): Result {
  const { actor } = file;
  const db = getDb();
  const consent = db
    .select()
    .from(consents)
    .where(and(eq(consents.id, consentId), eq(consents.youthId, file.id)))
    .get();
  if (!consent) throw notFound();
  if (consent.withdrawnDate) return { ok: false, errors: { form: `Samtycket återkallades redan ${consent.withdrawnDate}.` } };
  if (input.withdrawnDate < consent.recordedAt.slice(0, 10)) {
    return { ok: false, errors: { withdrawnDate: "Återkallelsen kan inte ligga före det datum samtycket registrerades." } };
  }
  const now = new Date().toISOString();
  db.transaction((tx) => {
    tx.update(consents)
      .set({
        withdrawnDate: input.withdrawnDate,
        withdrawalMethod: input.withdrawalMethod,
        withdrawalNote: input.withdrawalNote ?? null,
        withdrawnByMembershipId: actor.membershipId,
        withdrawnAt: now,
      })
      .where(eq(consents.id, consentId))
      .run();
    const revoked = tx
      .update(referrals)
      .set({ status: "revoked", revokedAt: now, revokedByMembershipId: actor.membershipId, revokeReason: `Samtycket återkallades ${input.withdrawnDate}.` })
      .where(and(eq(referrals.consentId, consentId), inArray(referrals.status, [...OPEN_REFERRAL_STATES])))
      .returning()
      .all();
    for (const referral of revoked) tellReferralRevoked(tx, referral, actor);
  });
  // Case items on coming samverkan meetings that named the youth on this consent lose their link now.
  unlinkUncoveredCaseItems(file);
  return { ok: true, id: consentId };
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
