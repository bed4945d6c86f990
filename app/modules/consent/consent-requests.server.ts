/**
 * Consent requests: the caseworker prepares a consent (to whom, which parts, why, for how long) and the
 * youth accepts or declines it on Mina sidor. Accepting records the consent as given by the youth,
 * digitally, in the same transaction as the answer; the caseworker who prepared it stands as the one who
 * recorded it. Declining is recorded too, and the caseworker sees either answer on the youth's consent page.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { CONSENT_SECTIONS, consentRequestRecipients, consentRequests, consentRequestSections, consents, organisations } from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-fields";
import { notFound } from "~/lib/http";
import type { YouthFile } from "~/modules/access/gate.server";
import type { OpenedFile } from "~/modules/access/gate.server";
import type { OwnFile } from "~/modules/access/own-file.server";
import { checkConsentTerms, insertConsentTerms, insertRequestTerms } from "~/modules/consent/consent-terms.server";
import type { ConsentRequestInput } from "~/modules/consent/consent-schemas";
import { namesOf } from "~/modules/referrals/referral-people.server";
import { ageOn } from "~/modules/youth/personal-number";

type Result = { ok: true; id: number } | { ok: false; errors: FieldErrors };

/** The caseworker prepares a consent for the youth to accept. Under 18, the youth's maturity must be judged first. */
export function prepareConsentRequest(file: YouthFile<never, "consents">, input: ConsentRequestInput, today = todayIso()): Result {
  if (ageOn(file.youth.birthDate, today) < 18 && !input.maturityNote) {
    return {
      ok: false,
      errors: { maturityNote: "Ungdomen är under 18 år. Beskriv kort varför ungdomen har den ålder och mognad som krävs för att själv samtycka." },
    };
  }
  if (input.validUntil < today) return { ok: false, errors: { validUntil: "Samtycket skulle redan ha gått ut. Välj ett senare datum." } };
  const terms = checkConsentTerms(input);
  if (!terms.ok) return terms;
  const id = getDb().transaction((tx) => {
    const requestId = tx
      .insert(consentRequests)
      .values({
        youthId: file.id,
        municipalityId: file.municipalityId,
        purpose: input.purpose,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        maturityNote: input.maturityNote ?? null,
        preparedByMembershipId: file.actor.membershipId,
      })
      .returning({ id: consentRequests.id })
      .get().id;
    insertRequestTerms(tx, requestId, terms);
    return requestId;
  });
  return { ok: true, id };
}

/** The youth's consent requests, newest first, with their recipients, sections, who prepared them and the consent an acceptance recorded. */
export function consentRequestsOf(file: OpenedFile<"consents">) {
  const db = getDb();
  const rows = db
    .select()
    .from(consentRequests)
    .where(eq(consentRequests.youthId, file.id))
    .orderBy(desc(consentRequests.createdAt), desc(consentRequests.id))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const recipients = db
    .select({ requestId: consentRequestRecipients.requestId, id: organisations.id, name: organisations.name })
    .from(consentRequestRecipients)
    .innerJoin(organisations, eq(organisations.id, consentRequestRecipients.organisationId))
    .where(inArray(consentRequestRecipients.requestId, ids))
    .orderBy(organisations.name)
    .all();
  const sections = db.select().from(consentRequestSections).where(inArray(consentRequestSections.requestId, ids)).all();
  const given = db
    .select({ id: consents.id, requestId: consents.consentRequestId })
    .from(consents)
    .where(and(eq(consents.youthId, file.id), inArray(consents.consentRequestId, ids)))
    .all();
  const people = namesOf(rows.map((r) => r.preparedByMembershipId));
  return rows.map((r) => ({
    id: r.id,
    purpose: r.purpose,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    maturityNote: r.maturityNote,
    state: r.state,
    createdAt: r.createdAt,
    answeredAt: r.answeredAt,
    preparedBy: people.get(r.preparedByMembershipId) ?? "",
    recipients: recipients.filter((x) => x.requestId === r.id).map(({ id, name }) => ({ id, name })),
    sections: CONSENT_SECTIONS.filter((section) => sections.some((x) => x.requestId === r.id && x.section === section)),
    consentId: given.find((g) => g.requestId === r.id)?.id ?? null,
  }));
}

export type ConsentRequestView = ReturnType<typeof consentRequestsOf>[number];

/** One request of the youth, or 404. */
export function readConsentRequest(file: OpenedFile<"consents">, requestId: number) {
  const request = consentRequestsOf(file).find((r) => r.id === requestId);
  if (!request) throw notFound();
  return request;
}

/** Can the youth still say yes? Only to a pending request whose consent would not already have ended. */
export function isAnswerable(request: Pick<ConsentRequestView, "state" | "validUntil">, today = todayIso()) {
  return request.state === "pending" && request.validUntil >= today;
}

/**
 * The youth answers. Yes records the consent (given by the youth, digitally, from today at the earliest:
 * a consent is never given backwards in time) and marks the request accepted, in one transaction; no is
 * recorded as declined. Only the youth answers, never a guardian.
 */
export function answerConsentRequest(file: OwnFile<never, "consents">, requestId: number, answer: "accept" | "decline", today = todayIso()): Result {
  if (file.relation !== "self") throw notFound();
  const db = getDb();
  const request = db
    .select()
    .from(consentRequests)
    .where(and(eq(consentRequests.id, requestId), eq(consentRequests.youthId, file.id)))
    .get();
  if (!request) throw notFound();
  if (!isAnswerable(request, today))
    return { ok: false, errors: { form: "Frågan går inte längre att svara på. Kontakta din handläggare om du vill samtycka." } };
  const now = new Date().toISOString();
  const userId = file.citizen.userId;
  const consentId = db.transaction((tx) => {
    const answered = tx
      .update(consentRequests)
      .set({ state: answer === "accept" ? "accepted" : "declined", answeredAt: now, answeredByUserId: userId })
      .where(and(eq(consentRequests.id, requestId), eq(consentRequests.state, "pending")))
      .run().changes;
    if (answered === 0) return null;
    if (answer === "decline") return requestId;
    const id = tx
      .insert(consents)
      .values({
        youthId: file.id,
        municipalityId: request.municipalityId,
        givenBy: "youth",
        maturityNote: request.maturityNote,
        method: "digital",
        purpose: request.purpose,
        validFrom: request.validFrom > today ? request.validFrom : today,
        validUntil: request.validUntil,
        recordedByMembershipId: request.preparedByMembershipId,
        givenByUserId: userId,
        consentRequestId: requestId,
      })
      .returning({ id: consents.id })
      .get().id;
    const recipientIds = tx
      .select({ id: consentRequestRecipients.organisationId })
      .from(consentRequestRecipients)
      .where(eq(consentRequestRecipients.requestId, requestId))
      .all()
      .map((r) => r.id);
    const sections = tx
      .select({ section: consentRequestSections.section })
      .from(consentRequestSections)
      .where(eq(consentRequestSections.requestId, requestId))
      .all()
      .map((r) => r.section);
    insertConsentTerms(tx, id, { recipientIds, sections });
    return id;
  });
  if (consentId === null) return { ok: false, errors: { form: "Du har redan svarat på frågan." } };
  return { ok: true, id: consentId };
}

/** The caseworker takes back a request the youth has not answered. */
export function cancelConsentRequest(file: YouthFile<never, "consents">, requestId: number): Result {
  const changed = getDb()
    .update(consentRequests)
    .set({ state: "cancelled", cancelledByMembershipId: file.actor.membershipId })
    .where(and(eq(consentRequests.id, requestId), eq(consentRequests.youthId, file.id), eq(consentRequests.state, "pending")))
    .run().changes;
  if (changed === 0) return { ok: false, errors: { form: "Förfrågan är redan besvarad eller återtagen." } };
  return { ok: true, id: requestId };
}
