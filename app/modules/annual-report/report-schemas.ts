/** The forms of the annual report, shared by the browser and the server. */
import { z } from "zod";
import { checkbox, hasForbiddenText, FORBIDDEN_TEXT_MESSAGE } from "~/lib/form-fields";
import { looksIdentifying } from "~/modules/meetings/case-item-consent";
import { AREA_KEYS, analysisField, type AreaKey } from "./areas";

/** Per area: long enough for a few pages of analysis, short enough that the report stays a report. */
export const MAX_ANALYSIS_LENGTH = 10_000;
const formatted = new Intl.NumberFormat("sv-SE").format(MAX_ANALYSIS_LENGTH);

export const PERIOD_REQUIRED = "Välj läsåret eller kalenderåret som rapporten gäller.";

export const createReportSchema = z.object({
  period: z.string({ error: PERIOD_REQUIRED }).trim().min(1, PERIOD_REQUIRED).max(40, PERIOD_REQUIRED),
});
export type CreateReportInput = z.output<typeof createReportSchema>;

const version = z.coerce
  .number({ error: "Formuläret saknar rapportens version. Ladda om sidan och försök igen." })
  .int("Formuläret saknar rapportens version. Ladda om sidan och försök igen.")
  .positive("Formuläret saknar rapportens version. Ladda om sidan och försök igen.");

export const IDENTIFIER_MESSAGE = "Texten innehåller ett personnummer. Ta bort det: årsrapporten går till nämnden och är en allmän handling.";

// The report goes to the nämnd and is public once it is there: never a personnummer in it.
const analysisText = z
  .string()
  .optional()
  .transform((v) => (v ?? "").replace(/\r\n?/g, "\n").trim())
  .refine((v) => v.length <= MAX_ANALYSIS_LENGTH, `Texten får vara högst ${formatted} tecken.`)
  .refine((v) => !hasForbiddenText(v), FORBIDDEN_TEXT_MESSAGE)
  .refine((v) => !looksIdentifying(v), IDENTIFIER_MESSAGE);

/** The texts of the areas, as the browser checks them (the server adds the version it was read at). */
export const analysisSchema = z.object(Object.fromEntries(AREA_KEYS.map((key) => [analysisField(key), analysisText])) as Record<string, typeof analysisText>);
export const saveReportSchema = analysisSchema.extend({ version });
export type SaveReportInput = { version: number; analysis: Record<AreaKey, string> };

/** The flat form values as the module takes them. */
export function saveReportInput(data: Record<string, unknown>): SaveReportInput {
  const analysis = Object.fromEntries(AREA_KEYS.map((key) => [key, data[analysisField(key)] ?? ""])) as Record<AreaKey, string>;
  return { version: Number(data.version), analysis };
}

export const approveFormSchema = z.object({
  confirmApproval: checkbox().refine((v) => v, "Bekräfta att rapporten är färdig och ska fastställas."),
});
export const approveReportSchema = approveFormSchema.extend({ version });
