/** What the annual report shows in its areas beside the tables: the trend charts and the goals. */
import type { ReportExtras } from "~/components/annual-report/report-document";
import { ReportGoals } from "~/components/annual-report/report-goals";
import { TrendCharts } from "~/components/follow-up/trend-charts";
import type { ReportFigures } from "~/modules/annual-report/report-types";

export function reportExtras(figures: ReportFigures): ReportExtras {
  // Reports fastställda before the trend existed have none; they show their tables alone.
  const trend = figures.followUp.trend;
  const charts = (id: string) => (trend ? <TrendCharts trend={trend} only={[id]} /> : null);
  return {
    malgrupp: charts("trend-malgrupp"),
    kontakt: charts("trend-kontakt"),
    avslut: charts("trend-avslut"),
    mal: <ReportGoals goals={figures.goals} />,
  };
}
