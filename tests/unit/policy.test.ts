import { describe, expect, it } from "vitest";
import type { OrganisationKind, Role } from "#db/schema";
import { decide, mayUploadSchoolLists, mayUseRegister, type AccessAction, type Decision, type PolicyActor, type YouthSection } from "~/modules/access/policy";

const HOME = 1;
const OTHER = 2;

const actors: Record<string, PolicyActor> = {
  coordinator: { role: "kaa_coordinator", organisationKind: "kaa_unit", municipalityId: HOME },
  caseworker: { role: "kaa_caseworker", organisationKind: "kaa_unit", municipalityId: HOME },
  otherCoordinator: { role: "kaa_coordinator", organisationKind: "kaa_unit", municipalityId: OTHER },
  otherCaseworker: { role: "kaa_caseworker", organisationKind: "kaa_unit", municipalityId: OTHER },
  school: { role: "school_staff", organisationKind: "school", municipalityId: HOME },
  social: { role: "social_worker", organisationKind: "social_services", municipalityId: HOME },
  employment: { role: "employment_officer", organisationKind: "employment_service", municipalityId: HOME },
  steering: { role: "steering_member", organisationKind: "steering_group", municipalityId: HOME },
  admin: { role: "system_admin", organisationKind: null, municipalityId: null },
  // The granskare sits in the KAA unit it audits; without a grant it reads nothing (issue 15).
  auditor: { role: "auditor", organisationKind: "kaa_unit", municipalityId: HOME },
  // A KAA role on a membership that is not in a KAA unit must not count as register keeper.
  miswired: { role: "kaa_caseworker", organisationKind: "school" as OrganisationKind, municipalityId: HOME },
};

const ordinary = { homeMunicipalityId: HOME, protectedIdentity: false };
const protectedYouth = { homeMunicipalityId: HOME, protectedIdentity: true };
const ALLOW: Decision = { allowed: true, basis: "register_keeper" };
const deny = (reason: string) => ({ allowed: false, reason });

type Row = [actor: string, youth: "ordinary" | "protected", section: YouthSection, action: AccessAction, expected: Decision | ReturnType<typeof deny>];

const table: Row[] = [];
for (const action of ["read", "write"] as const) {
  for (const youth of ["ordinary", "protected"] as const) {
    for (const section of ["identity", "protected_address"] as const) {
      const protectedRead = youth === "protected" && section === "protected_address" && action === "read";
      table.push(["coordinator", youth, section, action, ALLOW]);
      table.push(["caseworker", youth, section, action, protectedRead ? deny("protected_identity") : ALLOW]);
      table.push(["otherCoordinator", youth, section, action, deny("other_municipality")]);
      table.push(["otherCaseworker", youth, section, action, deny("other_municipality")]);
      for (const actor of ["school", "steering", "admin", "miswired"]) {
        table.push([actor, youth, section, action, deny("role")]);
      }
      // The granskare reads the identity of a sampled youth under a grant (none here); never the address or a write.
      table.push(["auditor", youth, section, action, action === "read" && section === "identity" ? deny("no_review_grant") : deny("role")]);
      // Socialtjänst and Arbetsförmedlingen see a youth only by consent (none here).
      for (const actor of ["social", "employment"]) {
        table.push([actor, youth, section, action, deny("no_consent")]);
      }
    }
  }
}

describe("decide()", () => {
  it.each(table)("%s × %s youth × %s × %s", (actor, youth, section, action, expected) => {
    expect(decide(actors[actor]!, youth === "ordinary" ? ordinary : protectedYouth, section, action)).toEqual(expected);
  });

  it("covers every role", () => {
    const roles = new Set(Object.values(actors).map((a) => a.role));
    const all: Role[] = [
      "kaa_coordinator",
      "kaa_caseworker",
      "school_staff",
      "social_worker",
      "employment_officer",
      "steering_member",
      "system_admin",
      "auditor",
    ];
    expect([...roles].sort()).toEqual([...all].sort());
  });

  it("denies a youth that does not exist, for everyone, the same way", () => {
    for (const actor of Object.values(actors)) {
      expect(decide(actor, null, "identity", "read")).toEqual(deny("not_found"));
    }
  });
});

describe("mayUseRegister()", () => {
  it("opens the register list to KAA staff only", () => {
    const allowed = Object.entries(actors)
      .filter(([, a]) => mayUseRegister(a))
      .map(([name]) => name);
    expect(allowed.sort()).toEqual(["caseworker", "coordinator", "otherCaseworker", "otherCoordinator"]);
  });
});

describe("mayUploadSchoolLists", () => {
  it("lets the school and the samordnare upload, with an organisation; nobody else", () => {
    const allowed = Object.entries(actors)
      .filter(([, actor]) => mayUploadSchoolLists({ ...actor, organisationId: 7 }))
      .map(([name]) => name);
    expect(allowed.sort()).toEqual(["coordinator", "otherCoordinator", "school"]);
    expect(mayUploadSchoolLists({ ...actors.school!, organisationId: null })).toBe(false);
  });
});
