/**
 * The key figures (nyckeltal) of a municipality's KAA work that the styrgrupp and the
 * samverkansforum follow. Counts only: nothing here identifies a youth.
 */
import { z } from "zod";

export const KEY_FIGURE_PERIOD_MONTHS = 12;

export const keyFiguresSchema = z.object({
  municipalityName: z.string(),
  computedAt: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  figures: z.object({
    targetGroup: z.number().int(),
    newEnrollments: z.number().int(),
    noticesReceived: z.number().int(),
    notContacted: z.number().int(),
    contactedWithin4Weeks: z.object({ count: z.number().int(), of: z.number().int() }),
    inIntervention: z.number().int(),
    returnedToStudies: z.number().int(),
  }),
});
export type KeyFigures = z.infer<typeof keyFiguresSchema>;

/** A stored snapshot, read back; null if it is not one (it is never recomputed in its place). */
export function parseKeyFigures(json: string | null): KeyFigures | null {
  if (!json) return null;
  try {
    const result = keyFiguresSchema.safeParse(JSON.parse(json));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export type KeyFigureRow = { label: string; value: string; explanation: string };

function share(count: number, of: number) {
  if (of === 0) return "–";
  return `${count} av ${of} (${Math.round((count / of) * 100)} %)`;
}

/** The rows of the key-figure table, in the order the styrgrupp reads them. */
export function keyFigureRows(k: KeyFigures): KeyFigureRow[] {
  const f = k.figures;
  return [
    { label: "Ungdomar i målgruppen", value: String(f.targetGroup), explanation: "Ungdomar med en öppen inskrivning i registret när siffrorna togs fram." },
    { label: "Nya inskrivningar", value: String(f.newEnrollments), explanation: "Inskrivningar som började under perioden." },
    {
      label: "Anmälningar från skolor",
      value: String(f.noticesReceived),
      explanation: "Anmälningar om avbrott, frånvaro, start och utebliven start som kom in under perioden.",
    },
    { label: "Ännu inte kontaktade", value: String(f.notContacted), explanation: "Öppna inskrivningar med status ej kontaktad." },
    {
      label: "Kontakt inom fyra veckor",
      value: share(f.contactedWithin4Weeks.count, f.contactedWithin4Weeks.of),
      explanation: "Inskrivningar som började under perioden, minst fyra veckor före uttaget, där ungdomen nåddes inom 28 dagar.",
    },
    { label: "I insats", value: String(f.inIntervention), explanation: "Öppna inskrivningar med status i insats." },
    {
      label: "Återgått till studier",
      value: String(f.returnedToStudies),
      explanation: "Inskrivningar som avslutades under perioden för att ungdomen började nationellt program, introduktionsprogram, Komvux eller folkhögskola.",
    },
  ];
}
