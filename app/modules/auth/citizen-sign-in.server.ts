/**
 * Signing in to Mina sidor once the e-legitimation has verified a personnummer: whose file the person may
 * open, and as what, is decided here and kept in the session for its life (at most 2 hours).
 * - self: the youth's own records, in any municipality's register (the kernel's subjectRecords);
 * - guardian: a child the population register says is in the person's custody, checked both ways (the
 *   child's record names this person as guardian), under 18, without skyddad identitet in the register or
 *   in the portal, with no maturity decision in force, and in a register here. The kernel's own rule
 *   (decideOwn) has the last word, and asks again at every request.
 * The register is asked at every sign-in, not remembered: custody changes, and a stale guardian must not
 * keep seeing a youth (docs/decisions/0027-guardianship-at-sign-in.md). When it cannot answer, no one
 * is let in as a guardian (fail closed); a youth's own access does not depend on it.
 */
import { todayIso } from "~/lib/dates";
import { decidesAlone, type CitizenRelation } from "~/modules/access/own-file.server";
import { decideOwn } from "~/modules/access/own-policy";
import { subjectRecords } from "~/modules/access/subject.server";
import { lookupPerson, type RelatedPerson } from "~/modules/integrations/population-register.server";
import { ageOn, parsePersonalNumber } from "~/modules/youth/personal-number";
import { startCitizenSession, upsertCitizen } from "./citizen.server";
import { authenticate, endSession } from "./session.server";
import { recordSignInEvent } from "./sign-in-events.server";

/** Why a sign-in to Mina sidor was refused; the code travels in the URL back to the sign-in page. */
export const CITIZEN_REFUSALS = {
  register_unavailable: "Vi kan inte kontrollera uppgifterna i folkbokföringen just nu, så du kan inte logga in som vårdnadshavare. Försök igen om en stund.",
  invalid_personal_number: "E-legitimationen gav oss inget personnummer som vi kan använda. Försök igen, eller kontakta KAA i din kommun.",
  failed: "Inloggningen gick inte att slutföra. Det kan bero på att det tog för lång tid. Försök igen.",
  cancelled: "Du avbröt inloggningen. Du kan försöka igen när du vill.",
  other_person: "Du bekräftade med en annan persons e-legitimation än den som var inloggad. Därför är du utloggad. Logga in igen med din egen.",
  not_configured: "Inloggning med e-legitimation är inte i gång här ännu. Kontakta KAA i din kommun.",
} as const;
export type CitizenRefusal = keyof typeof CITIZEN_REFUSALS;

export function isCitizenRefusal(code: string | null): code is CitizenRefusal {
  return code !== null && Object.hasOwn(CITIZEN_REFUSALS, code);
}

export type CitizenRelations = {
  relations: CitizenRelation[];
  /** The register could not answer for some custody: guardian relations may be missing (never added). */
  guardianshipUnchecked: boolean;
};

/** The relations of a person with a verified personnummer (twelve digits) to the youths in the portal. */
export async function citizenRelations(personalNumber: string, today: string = todayIso()): Promise<CitizenRelations> {
  const relations: CitizenRelation[] = subjectRecords(personalNumber).map((r) => ({ youthId: r.youthId, relation: "self" }));
  let guardianshipUnchecked = false;
  const answer = await lookupPerson(personalNumber);
  if (!answer.ok) guardianshipUnchecked = answer.reason !== "not_found";
  // An answer that says nothing about custody is not an answer that there is none.
  else if (answer.person.childrenInCustody === undefined) guardianshipUnchecked = true;
  else {
    for (const child of answer.person.childrenInCustody) {
      const checked = await guardianOf(personalNumber, child, today);
      if (checked === "unchecked") guardianshipUnchecked = true;
      else for (const r of checked) if (!relations.some((known) => known.youthId === r.youthId)) relations.push(r);
    }
  }
  return { relations, guardianshipUnchecked };
}

/** The child's files the guardian may open, or "unchecked" when the register could not confirm the custody. */
async function guardianOf(guardian: string, child: RelatedPerson, today: string): Promise<CitizenRelation[] | "unchecked"> {
  const parsed = parsePersonalNumber(child.personalNumber, new Date(`${today}T12:00:00Z`));
  if (!parsed.ok || ageOn(parsed.value.birthDate, today) >= 18) return [];
  // A child the portal holds nothing about is not asked about at all (data minimisation).
  const records = subjectRecords(parsed.value.normalized);
  if (records.length === 0) return [];
  const answer = await lookupPerson(parsed.value.normalized);
  if (!answer.ok) return answer.reason === "not_found" ? [] : "unchecked";
  const { guardians, protectedIdentity } = answer.person;
  if (guardians === undefined) return "unchecked";
  if (protectedIdentity || !guardians.some((g) => g.personalNumber === guardian)) return [];
  return records
    .filter(
      (r) =>
        decideOwn(
          "guardian",
          { birthDate: r.birthDate, protectedIdentity: r.protectedIdentity, decidesAlone: decidesAlone(r.youthId) },
          "identity",
          "read",
          today,
        ).allowed,
    )
    .map((r) => ({ youthId: r.youthId, relation: "guardian" }));
}

/** What the e-legitimation verified: the claims the broker vouches for. */
export type VerifiedCitizen = {
  /** The personnummer claim as the broker sent it (parsed and checked here). */
  personalNumber: string;
  displayName: string;
  /** The ID token's auth_time (Unix seconds), when the broker sent it. */
  authTime?: number;
  identityProviderId: number;
};

export type CitizenSignIn =
  { outcome: "signed_in"; cookie: string; relations: CitizenRelation[] } | { outcome: "no_records" } | { outcome: "refused"; reason: CitizenRefusal };

/** Where a signed-in citizen lands: their one file, or the list of files when there are several. */
export function citizenHome(relations: readonly CitizenRelation[]): string {
  return relations.length === 1 ? `/mina-sidor/${relations[0]!.youthId}` : "/mina-sidor";
}

/**
 * Decides the relations and starts the session, ending any session (staff or citizen) the browser had:
 * one browser, one person. No relations: no session, and the caller shows that the portal has nothing.
 */
export async function signInCitizen(request: Request, verified: VerifiedCitizen, address: string): Promise<CitizenSignIn> {
  const event = { providerId: verified.identityProviderId, method: "eid" as const, address };
  const parsed = parsePersonalNumber(verified.personalNumber);
  if (!parsed.ok) {
    recordSignInEvent({ ...event, userId: null, outcome: "refused", reason: "invalid_personal_number" });
    return { outcome: "refused", reason: "invalid_personal_number" };
  }
  const personalNumber = parsed.value.normalized;
  const { relations, guardianshipUnchecked } = await citizenRelations(personalNumber);
  if (relations.length === 0) {
    const reason = guardianshipUnchecked ? "register_unavailable" : "no_records";
    recordSignInEvent({ ...event, userId: null, outcome: "refused", reason });
    return guardianshipUnchecked ? { outcome: "refused", reason: "register_unavailable" } : { outcome: "no_records" };
  }
  const previous = await authenticate(request);
  if (previous) await endSession(previous.session.id);
  const userId = upsertCitizen(personalNumber, verified.displayName);
  const cookie = await startCitizenSession(userId, relations, {
    // Without the broker's auth_time the sign-in may have reused the broker's own session: the session is not
    // counted as recent, so withdrawing a consent or a protected address asks for the e-legitimation again.
    authenticatedAt: verified.authTime ? verified.authTime * 1000 : 0,
    identityProviderId: verified.identityProviderId,
  });
  recordSignInEvent({ ...event, userId, outcome: "succeeded", reason: guardianshipUnchecked ? "guardianship_unchecked" : null });
  return { outcome: "signed_in", cookie, relations };
}
