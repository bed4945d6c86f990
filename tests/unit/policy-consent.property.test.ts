/**
 * decide() against a small model written apart from it: random organisations, actors, youths,
 * consents, withdrawals, expiries and days. Where the two disagree — allowing what the model denies
 * or the reverse, or resting on a consent that does not cover the access — the test fails.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConsentSection, OrganisationKind, Role } from "#db/schema";
import { decide, YOUTH_SECTIONS, type PolicyActor, type PolicyConsent, type YouthSection } from "~/modules/access/policy";

const MUNICIPALITIES = [1, 2];
const KINDS: OrganisationKind[] = ["kaa_unit", "school", "social_services", "employment_service", "steering_group"];
const ROLES_OF_KIND: Record<OrganisationKind, Role[]> = {
  kaa_unit: ["kaa_coordinator", "kaa_caseworker"],
  school: ["school_staff"],
  social_services: ["social_worker"],
  employment_service: ["employment_officer"],
  steering_group: ["steering_member"],
};
const SHAREABLE: ConsentSection[] = ["identity", "contacts", "assessment", "plan", "notices", "referrals"];

/** Ten organisations: each kind in each municipality. */
const ORGANISATIONS = MUNICIPALITIES.flatMap((m, i) => KINDS.map((kind, k) => ({ id: i * KINDS.length + k + 1, kind, municipalityId: m })));

const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2026, 10, 1 + n)).toISOString().slice(0, 10));

const actorArb: fc.Arbitrary<PolicyActor> = fc.oneof(
  fc.record({ org: fc.constantFrom(...ORGANISATIONS), pick: fc.nat() }).map(({ org, pick }) => {
    const roles = ROLES_OF_KIND[org.kind];
    return { role: roles[pick % roles.length]!, organisationKind: org.kind, municipalityId: org.municipalityId, organisationId: org.id };
  }),
  fc.constant<PolicyActor>({ role: "system_admin", organisationKind: null, municipalityId: null, organisationId: null }),
);

const consentArb = (id: number): fc.Arbitrary<PolicyConsent> =>
  fc
    .record({
      recipients: fc.uniqueArray(fc.constantFrom(...ORGANISATIONS.map((o) => o.id)), { minLength: 1, maxLength: 4 }),
      sections: fc.uniqueArray(fc.constantFrom(...SHAREABLE), { minLength: 1, maxLength: 6 }),
      from: day,
      length: fc.integer({ min: 1, max: 40 }),
      withdrawn: fc.option(day, { nil: null }),
    })
    .map(({ recipients, sections, from, length, withdrawn }) => ({
      id,
      recipientOrganisationIds: recipients,
      sections,
      validFrom: from,
      validUntil: new Date(Date.parse(`${from}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10),
      withdrawnDate: withdrawn,
    }));

const caseArb = fc.record({
  actor: actorArb,
  home: fc.constantFrom(...MUNICIPALITIES),
  protectedIdentity: fc.boolean(),
  consents: fc.integer({ min: 0, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => consentArb(i + 1)))),
  section: fc.constantFrom(...YOUTH_SECTIONS),
  action: fc.constantFrom("read" as const, "write" as const),
  today: day,
});

/** The rules in plain words, independent of the implementation. */
function model(c: {
  actor: PolicyActor;
  home: number;
  protectedIdentity: boolean;
  consents: PolicyConsent[];
  section: YouthSection;
  action: "read" | "write";
  today: string;
}) {
  const { actor } = c;
  const kaaStaff = actor.role === "kaa_coordinator" || actor.role === "kaa_caseworker";
  // The KAA unit of the home municipality keeps the register and may do everything but read a protected address (only its samordnare).
  if (kaaStaff && actor.organisationKind === "kaa_unit" && actor.municipalityId === c.home) {
    if (c.section === "protected_address" && c.protectedIdentity && c.action === "read") return actor.role === "kaa_coordinator";
    return true;
  }
  // Anyone else reads a shareable section only when a consent, not withdrawn and valid today, names their organisation and the section.
  if (c.action !== "read" || actor.role === "system_admin" || actor.organisationId == null) return false;
  if (!(SHAREABLE as string[]).includes(c.section)) return false;
  return c.consents.some(
    (k) =>
      k.withdrawnDate === null &&
      k.validFrom <= c.today &&
      c.today <= k.validUntil &&
      k.recipientOrganisationIds.includes(actor.organisationId!) &&
      (k.sections as string[]).includes(c.section),
  );
}

describe("decide() against the model", () => {
  it("allows exactly what the model allows, on a consent that truly covers the access", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const decision = decide(
          c.actor,
          { homeMunicipalityId: c.home, protectedIdentity: c.protectedIdentity, consents: c.consents },
          c.section,
          c.action,
          c.today,
        );
        expect(decision.allowed).toBe(model(c));
        if (decision.allowed && decision.basis === "consent") {
          const consent = c.consents.find((k) => String(k.id) === decision.basisRef)!;
          expect(consent.withdrawnDate).toBeNull();
          expect(consent.validFrom <= c.today && c.today <= consent.validUntil).toBe(true);
          expect(consent.recipientOrganisationIds).toContain(c.actor.organisationId);
          expect(consent.sections).toContain(c.section);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("a withdrawal or an expiry takes effect on the very next day's request, and never before validity", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 90 }), (c, later) => {
        const consents = c.consents.map((k) => ({ ...k, withdrawnDate: k.withdrawnDate ?? c.today }));
        const nextDay = new Date(Date.parse(`${c.today}T00:00:00Z`) + later * 86_400_000).toISOString().slice(0, 10);
        const decision = decide(c.actor, { homeMunicipalityId: c.home, protectedIdentity: c.protectedIdentity, consents }, c.section, c.action, nextDay);
        // With every consent withdrawn, only the register keeper is left.
        if (decision.allowed) expect(decision.basis).toBe("register_keeper");
      }),
      { numRuns: 1000 },
    );
  });
});
