import { describe, expect, it } from "vitest";
import { stepUpHeld } from "~/modules/access/gate.server";
import { decideOwn, GUARDIAN_SECTIONS } from "~/modules/access/own-policy";
import { YOUTH_SECTIONS } from "~/modules/access/policy";

const today = "2026-12-02";
const youth17 = { birthDate: "2009-03-01", protectedIdentity: false, decidesAlone: false };
const youth18today = { birthDate: "2008-12-02", protectedIdentity: false, decidesAlone: false };

describe("Mina sidor: what a youth and a guardian may do with the file", () => {
  it("lets the youth read every section of their own file, on the ground 'den registrerade'", () => {
    for (const section of YOUTH_SECTIONS) {
      expect(decideOwn("self", youth17, section, "read", today)).toEqual({ allowed: true, basis: "data_subject" });
    }
  });

  it("lets the youth write only their own evaluation of the plan and their consents", () => {
    const writable = YOUTH_SECTIONS.filter((s) => decideOwn("self", youth17, s, "write", today).allowed);
    expect(writable).toEqual(["plan", "consents"]);
  });

  it("lets a guardian read only the guardian sections, never write", () => {
    const readable = YOUTH_SECTIONS.filter((s) => decideOwn("guardian", youth17, s, "read", today).allowed);
    expect(readable).toEqual([...GUARDIAN_SECTIONS].sort((a, b) => YOUTH_SECTIONS.indexOf(a) - YOUTH_SECTIONS.indexOf(b)));
    expect(decideOwn("guardian", youth17, "plan", "read", today)).toEqual({ allowed: true, basis: "guardian" });
    for (const section of YOUTH_SECTIONS) expect(decideOwn("guardian", youth17, section, "write", today).allowed).toBe(false);
  });

  it("ends a guardian's access on the youth's 18th birthday and with a maturity decision", () => {
    expect(decideOwn("guardian", youth18today, "plan", "read", "2026-12-01").allowed).toBe(true);
    expect(decideOwn("guardian", youth18today, "plan", "read", today)).toEqual({ allowed: false, reason: "guardian_ended" });
    expect(decideOwn("guardian", { ...youth17, decidesAlone: true }, "plan", "read", today)).toEqual({ allowed: false, reason: "guardian_ended" });
    // The youth keeps their own access in both cases.
    expect(decideOwn("self", { ...youth17, decidesAlone: true }, "plan", "read", today).allowed).toBe(true);
  });

  it("never lets a guardian see a youth with skyddad identitet", () => {
    for (const section of YOUTH_SECTIONS) {
      expect(decideOwn("guardian", { ...youth17, protectedIdentity: true }, section, "read", today)).toEqual({ allowed: false, reason: "protected_identity" });
    }
  });

  it("answers not_found for a youth that does not exist", () => {
    expect(decideOwn("self", null, "identity", "read", today)).toEqual({ allowed: false, reason: "not_found" });
  });
});

describe("step-up on a protected address", () => {
  const now = Date.UTC(2026, 11, 2, 9, 0);
  const allowed = { allowed: true, basis: "register_keeper" } as const;

  it("refuses the address to a sign-in older than 15 minutes, and leaves other sections and refusals alone", () => {
    expect(stepUpHeld({ authenticatedAt: now - 14 * 60_000 }, "protected_address", allowed, now)).toEqual(allowed);
    expect(stepUpHeld({ authenticatedAt: now - 16 * 60_000 }, "protected_address", allowed, now)).toEqual({
      allowed: false,
      reason: "reauthentication_required",
    });
    expect(stepUpHeld({ authenticatedAt: 0 }, "identity", allowed, now)).toEqual(allowed);
    const refused = { allowed: false, reason: "protected_identity" } as const;
    expect(stepUpHeld({ authenticatedAt: 0 }, "protected_address", refused, now)).toEqual(refused);
  });
});
