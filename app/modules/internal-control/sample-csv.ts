/** The stickprov as CSV: one row per case, each criterion's level and reasons, then the totals and the method. */
import { spreadsheetCsv } from "~/lib/csv";
import type { CriterionScore } from "./criteria";
import { CRITERIA, CRITERION_LABELS, LEVEL_LABELS, methodText, totalText, type CriterionTotal } from "./labels";

type CsvCase = {
  position: number;
  youth: { name: string; personalNumber: string } | null;
  enrollmentId: number | null;
  enrollment: { startDate: string; endDate: string | null } | null;
  scores: CriterionScore[];
};

export function sampleCsv(result: { sample: { seed: string }; cases: CsvCase[]; totals: CriterionTotal[] }, anonymous: boolean): string {
  const header = [
    "Ärende",
    ...(anonymous ? [] : ["Namn", "Personnummer", "Inskrivning nr"]),
    "Inskriven från",
    "Inskriven till",
    ...CRITERIA.flatMap((c) => [CRITERION_LABELS[c], `${CRITERION_LABELS[c]}: skäl`]),
  ];
  const rows = result.cases.map((c) => [
    c.position,
    ...(anonymous ? [] : [c.youth?.name ?? "", c.youth?.personalNumber ?? "", c.enrollmentId ?? ""]),
    c.enrollment?.startDate ?? "",
    c.enrollment?.endDate ?? "",
    ...CRITERIA.flatMap((criterion) => {
      const score = c.scores.find((s) => s.criterion === criterion);
      return score ? [LEVEL_LABELS[criterion][score.level], score.reasons.map((r) => r.text).join(" ")] : ["Kan inte bedömas", ""];
    }),
  ]);
  return spreadsheetCsv([header, ...rows, [], ...result.totals.map((t) => [totalText(t)]), [], [methodText(result.sample.seed)]]);
}
