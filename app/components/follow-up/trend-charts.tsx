/** The follow-up's trend as charts: the overview's main figures over the last three years of periods. */
import { TrendSection } from "~/components/charts/trend-section";
import type { ChartPoint, ChartSeries, ChartUnit } from "~/components/charts/chart-types";
import { formatShown } from "~/modules/statistics/follow-up-format";
import type { FigureRow, Shown } from "~/modules/statistics/follow-up-types";

type Trend = { periods: { label: string; from: string; to: string }[]; rows: FigureRow[] };

/** A shown value as a chart point: shares in percent, a hidden value as a marked gap with its words. */
function pointOf(label: string, shown: Shown | undefined): ChartPoint {
  if (!shown || "none" in shown) return { label, value: null };
  if ("hidden" in shown) return { label, value: null, hidden: true, hiddenText: formatShown(shown) };
  if ("share" in shown) return { label, value: shown.share * 100 };
  if ("median" in shown) return { label, value: shown.median };
  return { label, value: shown.value };
}

function seriesOf(trend: Trend, keys: readonly string[]): ChartSeries[] {
  return keys.flatMap((key) => {
    const row = trend.rows.find((r) => r.key === key);
    return row ? [{ key, label: row.label, points: trend.periods.map((p, i) => pointOf(p.label, row.cells[i])) }] : [];
  });
}

const CHARTS: { id: string; heading: string; unit: ChartUnit; keys: readonly string[]; text: string }[] = [
  {
    id: "trend-malgrupp",
    heading: "Målgruppen över tid",
    unit: "antal",
    keys: ["target", "new", "notContacted"],
    text: "Ungdomar i målgruppen under perioden, nya inskrivningar och de som inte nåtts före periodens slut.",
  },
  {
    id: "trend-kontakt",
    heading: "Kontakt och dokumentation över tid",
    unit: "andel",
    keys: ["contactShare", "assessmentShare", "planShare"],
    text: "Andel med kontakt inom fyra veckor, med dokumenterad kartläggning och med individuell plan.",
  },
  {
    id: "trend-avslut",
    heading: "Avslut och återgång till studier över tid",
    unit: "antal",
    keys: ["ended", "returned", "ended.reason:turned_20"],
    text: "Avslutade inskrivningar, de som återgått till studier och de som fyllt 20 utan att ha återgått.",
  },
];

/** The charts, or only those named (the annual report places each in its area). */
export function TrendCharts({ trend, only }: { trend: Trend; only?: readonly string[] }) {
  return (
    <>
      {CHARTS.filter((chart) => !only || only.includes(chart.id)).map((chart) => (
        <TrendSection key={chart.id} id={chart.id} heading={chart.heading} unit={chart.unit} series={seriesOf(trend, chart.keys)} categoryHeading="Period">
          <p>{chart.text}</p>
        </TrendSection>
      ))}
    </>
  );
}
