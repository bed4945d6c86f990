/**
 * World → the rows of SCB's five blocks, pure and deterministic: the same world gives the same rows in the same
 * order (personnummer, then block, then date, then the åtgärd's number or the record's id), so the same data gives
 * the same file byte for byte. What is reported is chosen here once, and the checks read the same choice.
 */
import type { ScbBlock, ScbColumn, ScbMapping } from "./mapping";
import type { ScbContact, ScbEnrollment, ScbIntervention, ScbWorld, ScbYouth } from "./world";

/** One row of a block: the values already in SCB's codes and formats, and what it was made from. */
export type ScbRow = {
  block: ScbBlock;
  youthId: string;
  enrollmentId: number;
  /** The åtgärd of a block-3 or block-4 row. */
  interventionId?: number;
  /** The row's own date (registration, contact, start or declined, end, end of responsibility), ISO. */
  date: string;
  /** Block 4: the start of the åtgärd that ended, ISO (the checks compare the two). */
  startDate?: string;
  values: Partial<Record<ScbColumn, string>>;
  /** For the order only: the åtgärd's number, else the record's id. */
  tiebreak: number;
};

type Period = { from: string; to: string };
const inPeriod = (date: string | null, p: Period): date is string => date !== null && date >= p.from && date <= p.to;

/** The contacts of the period that are a "kontakt med individen" in this version. */
export function reportedContacts(enrollment: ScbEnrollment, period: Period, mapping: ScbMapping): ScbContact[] {
  return enrollment.contacts.filter(
    (c) => inPeriod(c.date, period) && mapping.contact.outcomes.includes(c.outcome) && mapping.contact.targets.includes(c.target),
  );
}

/** The day block 3 gives an åtgärd: its start, or for a declined one the date the version says. */
export function blockThreeDate(i: ScbIntervention, mapping: ScbMapping): string {
  return i.declinedDate !== null && mapping.declinedDate === "declined_date" ? i.declinedDate : i.startDate;
}

/** Each åtgärd's number (world.ts: its stable place among all the youth's åtgärder, in the order entered). */
export function interventionNumbers(youth: ScbYouth): Map<number, number> {
  return new Map(youth.enrollments.flatMap((e) => e.interventions).map((i) => [i.id, i.number]));
}

/** Åtgärder begun (or declined) in the period: block 3. */
export function startedInterventions(enrollment: ScbEnrollment, period: Period, mapping: ScbMapping): ScbIntervention[] {
  return enrollment.interventions.filter((i) => inPeriod(blockThreeDate(i, mapping), period));
}

/** Åtgärder ended in the period (a declined one never began, so never ends): block 4. */
export function endedInterventions(enrollment: ScbEnrollment, period: Period): ScbIntervention[] {
  return enrollment.interventions.filter((i) => i.declinedDate === null && inPeriod(i.endDate, period));
}

/** The enrollment ended in the period: block 5. */
export function endedInPeriod(enrollment: ScbEnrollment, period: Period): boolean {
  return inPeriod(enrollment.endDate, period);
}

export function formatScbDate(iso: string, mapping: ScbMapping): string {
  return mapping.dateFormat === "YYYYMMDD" ? iso.replaceAll("-", "") : iso;
}

/** The stored twelve digits as the version writes them (a samordningsnummer alike). */
export function formatScbPersonalNumber(twelve: string, mapping: ScbMapping): string {
  switch (mapping.personalNumberFormat) {
    case "YYYYMMDDNNNN":
      return twelve;
    case "YYMMDDNNNN":
      return twelve.slice(2);
    case "YYYYMMDD-NNNN":
      return `${twelve.slice(0, 8)}-${twelve.slice(8)}`;
  }
}

const code = (value: string | null | undefined) => value ?? "";

/** Every row of blocks 1–5 for the world, in the file's order. */
export function buildBlocks(world: ScbWorld, mapping: ScbMapping): ScbRow[] {
  const { period } = world;
  const rows: ScbRow[] = [];
  for (const youth of world.youths) {
    const common = (block: ScbBlock) => ({
      block: mapping.codes.block[block],
      municipalityCode: world.municipalityCode,
      personalNumber: formatScbPersonalNumber(youth.personalNumber, mapping),
    });
    const numbers = interventionNumbers(youth);
    for (const e of youth.enrollments) {
      const base = { youthId: youth.id, enrollmentId: e.id };
      rows.push({
        ...base,
        block: 1,
        date: e.startDate,
        tiebreak: e.id,
        values: {
          ...common(1),
          registrationDate: formatScbDate(e.startDate, mapping),
          registrationReason: code(mapping.codes.registrationReason[e.registrationReason]),
          lastSchoolOccupation: code(mapping.codes.lastSchoolOccupation[e.lastSchoolOccupation]),
        },
      });
      for (const c of reportedContacts(e, period, mapping)) {
        const occupation = c.occupation === null ? mapping.codes.contactOccupationMissing : mapping.codes.contactOccupation[c.occupation];
        rows.push({
          ...base,
          block: 2,
          date: c.date,
          tiebreak: c.id,
          values: { ...common(2), contactDate: formatScbDate(c.date, mapping), contactOccupation: code(occupation) },
        });
      }
      for (const i of startedInterventions(e, period, mapping)) {
        const date = blockThreeDate(i, mapping);
        rows.push({
          ...base,
          block: 3,
          interventionId: i.id,
          date,
          tiebreak: numbers.get(i.id)!,
          values: {
            ...common(3),
            interventionNumber: String(numbers.get(i.id)),
            interventionDate: formatScbDate(date, mapping),
            interventionType: code(i.scbType === null ? null : mapping.codes.interventionType[i.scbType]),
            declined: i.declinedDate !== null ? mapping.codes.declined.yes : mapping.codes.declined.no,
          },
        });
      }
      for (const i of endedInterventions(e, period)) {
        rows.push({
          ...base,
          block: 4,
          interventionId: i.id,
          date: i.endDate!,
          startDate: i.startDate,
          tiebreak: numbers.get(i.id)!,
          values: {
            ...common(4),
            interventionNumber: String(numbers.get(i.id)),
            interventionEndDate: formatScbDate(i.endDate!, mapping),
            occupationAfter: code(i.occupationAfter === null ? null : mapping.codes.occupationAfter[i.occupationAfter]),
          },
        });
      }
      if (endedInPeriod(e, period)) {
        rows.push({
          ...base,
          block: 5,
          date: e.endDate!,
          tiebreak: e.id,
          values: {
            ...common(5),
            endDate: formatScbDate(e.endDate!, mapping),
            endReason: code(e.endReason === null ? null : mapping.codes.endReason[e.endReason]),
          },
        });
      }
    }
  }
  const pn = new Map(world.youths.map((y) => [y.id, y.personalNumber]));
  return rows.sort(
    (a, b) =>
      compare(pn.get(a.youthId)!, pn.get(b.youthId)!) ||
      compare(a.youthId, b.youthId) ||
      a.block - b.block ||
      compare(a.date, b.date) ||
      a.tiebreak - b.tiebreak,
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
