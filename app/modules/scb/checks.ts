/**
 * The logical checks run before a file may be made, one rule per point of issue 15, over the world and the rows
 * blocks.ts chose from it (the rows guard what would actually be sent). Pure. Each failure names the youth, the
 * rule and the page where a person fixes it; messages never carry a personnummer.
 */
import { parsePersonalNumber } from "~/modules/youth/personal-number";
import { endedInPeriod, endedInterventions, reportedContacts, startedInterventions, type ScbRow } from "./blocks";
import type { ScbMapping } from "./mapping";
import type { ScbRule } from "./rules";
import type { ScbWorld, ScbYouth } from "./world";

export { SCB_RULE_LABELS, SCB_RULES, type ScbRule } from "./rules";

export type ScbFailure = {
  rule: ScbRule;
  /** An error stops the file unless the samordnare accepts an exceptions report; a warning is sent as the version says. */
  severity: "error" | "warning";
  /** A value was never filled in (listed under "Uppgift saknas"), rather than wrong. */
  missing: boolean;
  youthId: string;
  youthName: string;
  message: string;
  fix: { href: string; label: string };
};

type Period = { from: string; to: string };

/** Where each thing is fixed (the capture forms of issue 15 and the pages before them). */
export const fixLinks = {
  scbValues: (youthId: string, enrollmentId: number) => `/ungdomar/${youthId}/scb/${enrollmentId}`,
  intervention: (youthId: string, interventionId: number) => `/ungdomar/${youthId}/insatser/${interventionId}`,
  identity: (youthId: string) => `/ungdomar/${youthId}/redigera`,
  contacts: (youthId: string) => `/ungdomar/${youthId}/kontakt`,
  interventionTypes: () => "/insatstyper",
};

function rowFix(row: ScbRow): { href: string; label: string } {
  if (row.interventionId !== undefined) return { href: fixLinks.intervention(row.youthId, row.interventionId), label: "Rätta insatsen" };
  if (row.block === 2) return { href: fixLinks.contacts(row.youthId), label: "Se kontakterna" };
  return { href: fixLinks.scbValues(row.youthId, row.enrollmentId), label: "Rätta SCB-uppgifterna" };
}

const BLOCK_DATE: Record<ScbRow["block"], string> = {
  1: "registreringsdatum",
  2: "kontaktdatum",
  3: "startdatum för åtgärd",
  4: "slutdatum för åtgärd",
  5: "datum då ansvaret upphörde",
};

/** Every failure of the world for the period, in the rows' order (youth by youth). */
export function runChecks(world: ScbWorld, rows: readonly ScbRow[], mapping: ScbMapping, today: Date = new Date()): ScbFailure[] {
  const byYouth = new Map<string, ScbFailure[]>(world.youths.map((y) => [y.id, []]));
  const names = new Map(world.youths.map((y) => [y.id, y.name]));
  const add = (
    youthId: string,
    f: Omit<ScbFailure, "youthId" | "youthName" | "severity" | "missing"> & { severity?: "error" | "warning"; missing?: boolean },
  ) => byYouth.get(youthId)!.push({ severity: "error", missing: false, ...f, youthId, youthName: names.get(youthId) ?? "" });

  for (const youth of world.youths) checkYouth(youth, world.period, mapping, today, (f) => add(youth.id, f));
  const spans = new Map(world.youths.flatMap((y) => y.enrollments.map((e) => [e.id, { from: e.startDate, to: e.endDate }] as const)));
  for (const row of rows) checkRow(row, world.period, spans.get(row.enrollmentId), (f) => add(row.youthId, f));
  return [...byYouth.values()].flat();
}

type Add = (f: Omit<ScbFailure, "youthId" | "youthName" | "severity" | "missing"> & { severity?: "error" | "warning"; missing?: boolean }) => void;

function checkYouth(youth: ScbYouth, period: Period, mapping: ScbMapping, today: Date, add: Add) {
  const parsed = parsePersonalNumber(youth.personalNumber, today);
  if (!parsed.ok || parsed.value.normalized !== youth.personalNumber || parsed.value.isCoordinationNumber !== youth.isCoordinationNumber) {
    const kind = youth.isCoordinationNumber ? "Samordningsnumret" : "Personnumret";
    add({
      rule: "personal_number",
      message: `${kind} är inte giltigt${parsed.ok ? " (fel typ av nummer)" : `: ${parsed.error}`}`,
      fix: { href: fixLinks.identity(youth.id), label: "Rätta personnumret" },
    });
  }
  if (youth.enrollments.length === 0) {
    add({ rule: "block1", message: "Ingen inskrivning under perioden", fix: { href: `/ungdomar/${youth.id}`, label: "Se ungdomen" } });
  }
  for (const e of youth.enrollments) {
    const scbFix = { href: fixLinks.scbValues(youth.id, e.id), label: "Rätta SCB-uppgifterna" };
    if (mapping.codes.registrationReason[e.registrationReason] === null) {
      add({ rule: "block1", missing: true, message: "Orsak till registrering saknas", fix: scbFix });
    }
    if (mapping.codes.lastSchoolOccupation[e.lastSchoolOccupation] === null) {
      add({ rule: "block1", missing: true, message: "Senaste skolrelaterade sysselsättning vid registrering saknas", fix: scbFix });
    }
    for (const c of reportedContacts(e, period, mapping)) {
      if (c.occupation === null || mapping.codes.contactOccupation[c.occupation] === null) {
        add({
          rule: "contact_occupation",
          severity: mapping.codes.contactOccupationMissing === null ? "error" : "warning",
          missing: true,
          message: `Sysselsättning vid kontakten ${c.date} saknas${mapping.codes.contactOccupationMissing === null ? "" : " (skickas som okänd)"}`,
          fix: { href: fixLinks.contacts(youth.id), label: "Se kontakterna" },
        });
      }
    }
    for (const i of startedInterventions(e, period, mapping)) {
      if (i.scbType === null || mapping.codes.interventionType[i.scbType] === null) {
        add({
          rule: "scb_type",
          missing: true,
          message: `Insatstypen ”${i.typeName}” har ingen SCB-åtgärd`,
          fix: { href: fixLinks.interventionTypes(), label: "Ange SCB-åtgärd för insatstypen" },
        });
      }
    }
    for (const i of endedInterventions(e, period)) {
      const fix = { href: fixLinks.intervention(youth.id, i.id), label: "Rätta insatsen" };
      if (i.occupationAfter === null || mapping.codes.occupationAfter[i.occupationAfter] === null) {
        add({ rule: "block4_end", missing: true, message: `Sysselsättning efter insatsen ”${i.typeName}” saknas`, fix });
      } else if (i.occupationAfter === "unknown") {
        // Sent as "okänd", but listed: older records got "unknown" when the variable came, and someone may know.
        add({
          rule: "block4_end",
          severity: "warning",
          missing: true,
          message: `Sysselsättning efter insatsen ”${i.typeName}” är okänd (skickas som okänd)`,
          fix,
        });
      }
    }
    if (endedInPeriod(e, period) && (e.endReason === null || mapping.codes.endReason[e.endReason] === null)) {
      add({ rule: "block5_reason", missing: true, message: `Orsak till att ansvaret upphörde (${e.endDate}) saknas`, fix: scbFix });
    }
  }
}

/** The rows themselves: what the file would carry must keep the blocks' rules on dates. */
function checkRow(row: ScbRow, period: Period, span: { from: string; to: string | null } | undefined, add: Add) {
  const fix = rowFix(row);
  if (row.block === 3 && row.date > period.to) {
    add({ rule: "block3_start", message: `Åtgärden påbörjas ${row.date}, efter periodens slut ${period.to}`, fix });
    return;
  }
  // Block 1 may name a registration before the period (the youth was registered earlier); no block may name a
  // date after it, and blocks 2–5 report only what happened in it.
  const allowedEarlier = row.block === 1;
  if (row.date > period.to || (!allowedEarlier && row.date < period.from)) {
    add({ rule: "dates_in_period", message: `${capitalise(BLOCK_DATE[row.block])} ${row.date} ligger utanför perioden (block ${row.block})`, fix });
  } else if (span && row.block >= 2 && row.block <= 4 && (row.date < span.from || (span.to !== null && row.date > span.to))) {
    // Contacts and åtgärder belong to the time the municipality had the responsibility: one dated after it ended
    // (an åtgärd closed on the day the enrollment ended, planned to start later) contradicts block 5 in the same file.
    const when = row.date < span.from ? `före registreringen ${span.from}` : `efter att ansvaret upphörde ${span.to}`;
    add({ rule: "dates_in_period", message: `${capitalise(BLOCK_DATE[row.block])} ${row.date} ligger ${when} (block ${row.block})`, fix });
  }
  if (row.block === 4 && row.startDate !== undefined && row.date < row.startDate) {
    add({ rule: "block4_end", message: `Åtgärden slutar ${row.date}, före sin start ${row.startDate}`, fix });
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The errors that stop the file (warnings do not). */
export const blockingFailures = (failures: readonly ScbFailure[]) => failures.filter((f) => f.severity === "error");
