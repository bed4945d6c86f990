// The SCB variables captured at the source (issue 15): what a notice, a move or the school lists say
// of orsak till registrering and the last school occupation, "Uppgift saknas" where nothing does, and
// the form rules that make a person choose rather than leave a value empty.
import { describe, expect, it } from "vitest";
import {
  occupationAfterEnd,
  programmeKind,
  registrationFromLists,
  registrationFromNotice,
  registrationFromStartReason,
  suggestedRegistration,
} from "~/modules/outreach/scb-registration";
import { contactAttemptSchema, enrollmentOpenSchema, enrollmentScbSchema } from "~/modules/outreach/outreach-schemas";
import { interventionEndSchema, interventionOccupationSchema, interventionTypeAddSchema } from "~/modules/documentation/plan-schemas";
import { fieldErrors } from "~/lib/form-fields";

function errorsOf(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? {} : fieldErrors(result.error as Parameters<typeof fieldErrors>[0]);
}

describe("the programme a notice or a list names", () => {
  it.each([
    ["IMA", "introduction"],
    ["imyrk", "introduction"],
    ["IMPRE", "introduction"],
    ["Språkintroduktion", "introduction"],
    ["Introduktionsprogram", "introduction"],
    ["Programinriktat val mot el- och energiprogrammet", "introduction"],
    ["NA", "national"],
    ["EKEKO", "national"],
    ["Ekonomiprogrammet", "national"],
    ["El- och energiprogrammet", "national"],
    ["Programmet för hantverk och produktion", "national"],
  ] as const)("%s is a %s programme", (programme, kind) => {
    expect(programmeKind(programme)).toBe(kind);
  });

  it.each(["", "–", "Gymnasiet", "XY", "Okänt program", "Saknas", "Ingen", "Inget", "SAKNAS", "Nat", null])("%s says neither", (programme) => {
    expect(programmeKind(programme)).toBeNull();
  });
});

describe("deriving from the notice an enrollment opens on", () => {
  it("a dropout says which kind of programme was left", () => {
    expect(registrationFromNotice({ kind: "dropout", programme: "IMV" })).toEqual({
      registrationReason: "dropout_introduction",
      lastSchoolOccupation: "introduction_programme",
    });
    expect(registrationFromNotice({ kind: "dropout", programme: "Naturvetenskapsprogrammet" })).toEqual({
      registrationReason: "dropout_national",
      lastSchoolOccupation: "national_programme",
    });
  });

  it("a dropout from a programme it cannot read is not guessed", () => {
    expect(registrationFromNotice({ kind: "dropout", programme: "Gymnasiet" })).toEqual({ registrationReason: "unknown", lastSchoolOccupation: "unknown" });
  });

  it("not started says the reason, not what the youth last did; absence says only the programme; a move only the move", () => {
    expect(registrationFromNotice({ kind: "not_started", programme: "NA" })).toEqual({ registrationReason: "not_started", lastSchoolOccupation: "unknown" });
    expect(registrationFromNotice({ kind: "absence", programme: "NA" })).toEqual({ registrationReason: "unknown", lastSchoolOccupation: "national_programme" });
    expect(registrationFromNotice({ kind: "moved", programme: "–" })).toEqual({ registrationReason: "moved_in", lastSchoolOccupation: "unknown" });
  });

  it("a start reason says a reason only for a move or a not-started notice", () => {
    expect(registrationFromStartReason("moved_in")).toEqual({ registrationReason: "moved_in", lastSchoolOccupation: "unknown" });
    expect(registrationFromStartReason("notice_not_started").registrationReason).toBe("not_started");
    for (const reason of ["register_check", "self_referral", "other", "notice_dropout", "notice_absence"] as const) {
      expect(registrationFromStartReason(reason)).toEqual({ registrationReason: "unknown", lastSchoolOccupation: "unknown" });
    }
  });
});

describe("deriving from the school lists a reconciliation proposal rests on", () => {
  const gy = (programmeCode: string | null, outcome: string | null, endDate: string | null) => ({
    kind: "gymnasium",
    schoolType: "GY",
    programmeCode,
    outcome,
    endDate,
  });
  const year9 = { kind: "year9", schoolType: "GR", programmeCode: null, outcome: null, endDate: "2026-06-10" };

  it("the latest broken-off placement is a dropout from its programme", () => {
    const placements = [gy("NA", "avbrott", "2025-12-01"), gy("IMA", "avbrott", "2026-03-01")];
    expect(registrationFromLists("register", { placements, population: null })).toEqual({
      registrationReason: "dropout_introduction",
      lastSchoolOccupation: "introduction_programme",
    });
  });

  it("a year-9 leaver no gymnasium list shows has not started; one who moved here without a placement moved in", () => {
    expect(registrationFromLists("register", { placements: [year9], population: null })).toEqual({
      registrationReason: "not_started",
      lastSchoolOccupation: "compulsory_school",
    });
    expect(registrationFromLists("register", { placements: [], population: { movedInOn: "2026-08-01" } })).toEqual({
      registrationReason: "moved_in",
      lastSchoolOccupation: "unknown",
    });
  });

  it("no fact gives Uppgift saknas; an absence proposal knows only the current programme", () => {
    expect(registrationFromLists("register", { placements: [], population: { movedInOn: null } })).toEqual({
      registrationReason: "unknown",
      lastSchoolOccupation: "unknown",
    });
    expect(registrationFromLists("absence", { placements: [gy("TE", null, null)], population: null })).toEqual({
      registrationReason: "unknown",
      lastSchoolOccupation: "national_programme",
    });
  });
});

describe("the suggestion in the form that opens an enrollment by hand", () => {
  const notices = [
    { kind: "started" as const, programme: "NA", eventDate: "2026-09-01" },
    { kind: "dropout" as const, programme: "IMYRK", eventDate: "2026-05-01" },
  ];

  it("comes from the newest notice since the last enrollment ended, a started notice skipped", () => {
    expect(suggestedRegistration(notices, "2026-01-01")).toEqual({
      suggestion: { registrationReason: "dropout_introduction", lastSchoolOccupation: "introduction_programme" },
      notice: notices[1],
    });
  });

  it("pre-selects nothing (not even Uppgift saknas) when no notice says anything", () => {
    expect(suggestedRegistration(notices, "2026-06-01")).toEqual({ suggestion: {}, notice: null });
    expect(suggestedRegistration([{ kind: "dropout", programme: "Gymnasiet", eventDate: "2026-05-01" }], null)).toEqual({ suggestion: {}, notice: null });
  });
});

describe("the occupation after an insats ended on a fact", () => {
  it("is what the end reason says, else unknown", () => {
    expect(occupationAfterEnd("started_studies")).toBe("studies");
    expect(occupationAfterEnd("got_work")).toBe("work");
    expect(occupationAfterEnd("turned_20")).toBe("unknown");
    expect(occupationAfterEnd("moved")).toBe("unknown");
  });
});

describe("the form rules", () => {
  const opening = { startDate: "2026-01-10", startReason: "notice_dropout", caseworkerMembershipId: "" };

  it("opening an enrollment requires both SCB values; Uppgift saknas only when chosen", () => {
    expect(errorsOf(enrollmentOpenSchema, { ...opening, registrationReason: "", lastSchoolOccupation: "" })).toEqual({
      registrationReason: "Välj orsak till registrering (välj Uppgift saknas om ni inte vet).",
      lastSchoolOccupation: "Välj den senaste skolrelaterade sysselsättningen (välj Uppgift saknas om ni inte vet).",
    });
    expect(errorsOf(enrollmentOpenSchema, { ...opening, registrationReason: "unknown", lastSchoolOccupation: "unknown" })).toEqual({});
  });

  it("the SCB form takes an end reason only when one is given (the module requires it of an ended enrollment)", () => {
    const parsed = enrollmentScbSchema.parse({ registrationReason: "moved_in", lastSchoolOccupation: "none", endReason: "" });
    expect(parsed.endReason).toBeUndefined();
    expect(errorsOf(enrollmentScbSchema, { registrationReason: "moved_in", lastSchoolOccupation: "none", endReason: "gissning" })).toHaveProperty("endReason");
  });

  it("a reached contact needs the occupation at the contact; one not reached does not", () => {
    const attempt = { channel: "phone", target: "youth", date: "2026-01-10" };
    expect(errorsOf(contactAttemptSchema, { ...attempt, outcome: "reached", occupation: "" })).toEqual({
      occupation: "Ange sysselsättning vid kontakten när ni fick kontakt (välj Okänt om ni inte vet).",
    });
    expect(errorsOf(contactAttemptSchema, { ...attempt, outcome: "reached", occupation: "unknown" })).toEqual({});
    expect(errorsOf(contactAttemptSchema, { ...attempt, outcome: "not_reached", occupation: "" })).toEqual({});
  });

  it("ending an insats needs the occupation afterwards, and so does correcting it", () => {
    const ending = { endDate: "2026-01-10", endReason: "completed", evaluationOutcome: "met", evaluationText: "Bra." };
    expect(errorsOf(interventionEndSchema, ending)).toEqual({ occupationAfter: "Ange sysselsättning efter insatsen (välj Okänt om ni inte vet)." });
    expect(errorsOf(interventionEndSchema, { ...ending, occupationAfter: "work" })).toEqual({});
    expect(errorsOf(interventionOccupationSchema, { occupationAfter: "" })).toHaveProperty("occupationAfter");
  });

  it("a new catalogue type needs its SCB type", () => {
    expect(errorsOf(interventionTypeAddSchema, { name: "Sommarjobb", scbType: "" })).toEqual({ scbType: "Välj SCB-typ för insatstypen." });
    expect(errorsOf(interventionTypeAddSchema, { name: "Sommarjobb", scbType: "work_practice" })).toEqual({});
  });
});
