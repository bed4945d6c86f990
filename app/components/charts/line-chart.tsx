/**
 * A trend chart: one or more series over months or periods (up to three years), drawn on the server
 * as SVG. Lines break where a value is hidden or missing; a hidden value gets a hatched marker along
 * the bottom of the plot instead of a point, so no line or point ever suggests it.
 */
import { describeSeries } from "./chart-format";
import { lineChartGeometry } from "./chart-geometry";
import { ChartDataTable, ChartFigure, ChartLegend, ChartPatterns, hatchId, hiddenEntry, lineSwatch, useChartId } from "./chart-parts";
import type { ChartSeries, ChartUnit } from "./chart-types";

export type LineChartProps = {
  title: string;
  series: readonly ChartSeries[];
  unit: ChartUnit;
  /** The heading of the table's first column, e.g. "Period" or "Månad". */
  categoryHeading?: string;
  /** The same numbers in a table beside the chart on the page: linked to instead of repeated. */
  numbers?: { tableId: string; tableCaption: string };
};

export function LineChart({ title, series, unit, categoryHeading = "Period", numbers }: LineChartProps) {
  const uid = useChartId();
  const g = lineChartGeometry(series, unit);
  const legend = (
    <ChartLegend entries={[...g.series.map((s) => ({ key: s.key, label: s.label, swatch: lineSwatch(s.style, s.symbolPath) })), ...hiddenEntry(uid, series)]} />
  );
  return (
    <ChartFigure
      uid={uid}
      kind="line"
      title={title}
      description={describeSeries(series, unit)}
      width={g.width}
      height={g.height}
      legend={legend}
      numbers={numbers ?? { table: <ChartDataTable title={title} series={series} unit={unit} categoryHeading={categoryHeading} /> }}
    >
      <ChartPatterns uid={uid} count={0} />
      <g className="chart__axis">
        {g.yTicks.map((tick) => (
          <g key={tick.value}>
            <line className="chart__grid" x1={g.plot.left} x2={g.plot.right} y1={tick.at} y2={tick.at} />
            <text x={g.plot.left - 8} y={tick.at} dy="0.32em" textAnchor="end">
              {tick.text}
            </text>
          </g>
        ))}
        <line className="chart__baseline" x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom} y2={g.plot.bottom} />
        {g.xLabels
          .filter((l) => l.shown)
          .map((l) => (
            <text key={l.label} x={l.at} y={g.plot.bottom + 20} textAnchor="middle">
              {l.label}
            </text>
          ))}
      </g>
      {g.series.map((s) => (
        <g key={s.key} className="chart__series">
          <path d={s.path} fill="none" stroke={s.style.color} strokeWidth="2.5" strokeDasharray={s.style.dash} strokeLinejoin="round" />
          {s.markers.map((m) => (
            <path key={m.label} d={s.symbolPath} transform={`translate(${m.x} ${m.y})`} fill={s.style.color} stroke="#ffffff" strokeWidth="1" />
          ))}
          {s.hidden.map((m) => (
            <path
              key={m.label}
              className="chart__hidden"
              d={s.symbolPath}
              transform={`translate(${m.x} ${m.y}) scale(1.3)`}
              fill={`url(#${hatchId(uid)})`}
              stroke={s.style.color}
              strokeWidth="1.2"
            />
          ))}
        </g>
      ))}
    </ChartFigure>
  );
}
