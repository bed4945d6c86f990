/**
 * A bar chart for a breakdown (by intervention type, by outcome …): horizontal bars so that long
 * Swedish labels fit, one bar per series in each group, the value written at the end of each bar.
 * A hidden value is a short hatched bar with "färre än 5" beside it, never a length.
 */
import { describeSeries } from "./chart-format";
import { barChartGeometry } from "./chart-geometry";
import { barSwatch, ChartDataTable, ChartFigure, ChartLegend, ChartPatterns, hatchId, hiddenEntry, seriesFill, useChartId } from "./chart-parts";
import type { ChartSeries, ChartUnit } from "./chart-types";

export type BarChartProps = {
  title: string;
  series: readonly ChartSeries[];
  unit: ChartUnit;
  categoryHeading?: string;
  /** The same numbers in a table beside the chart on the page: linked to instead of repeated. */
  numbers?: { tableId: string; tableCaption: string };
};

export function BarChart({ title, series, unit, categoryHeading = "Kategori", numbers }: BarChartProps) {
  const uid = useChartId();
  const g = barChartGeometry(series, unit);
  const legend = <ChartLegend entries={[...series.map((s, i) => ({ key: s.key, label: s.label, swatch: barSwatch(uid, i) })), ...hiddenEntry(uid, series)]} />;
  return (
    <ChartFigure
      uid={uid}
      kind="bar"
      title={title}
      description={describeSeries(series, unit)}
      width={g.width}
      height={g.height}
      legend={legend}
      numbers={numbers ?? { table: <ChartDataTable title={title} series={series} unit={unit} categoryHeading={categoryHeading} /> }}
    >
      <ChartPatterns uid={uid} count={series.length} />
      <g className="chart__axis">
        {g.xTicks.map((tick) => (
          <g key={tick.value}>
            <line className="chart__grid" x1={tick.at} x2={tick.at} y1={g.plot.top} y2={g.plot.bottom} />
            <text x={tick.at} y={g.plot.bottom + 18} textAnchor="middle">
              {tick.text}
            </text>
          </g>
        ))}
        <line className="chart__baseline" x1={g.plot.left} x2={g.plot.left} y1={g.plot.top} y2={g.plot.bottom} />
      </g>
      {g.groups.map((group) => (
        <g key={group.label} className="chart__group">
          <text className="chart__category" x={g.plot.left} y={group.labelY}>
            {group.label}
          </text>
          {group.bars.map((bar, index) => (
            <g key={bar.key} className="chart__series">
              {bar.width > 0 ? (
                <rect
                  className={bar.hidden ? "chart__hidden" : undefined}
                  x={bar.x}
                  y={bar.y}
                  width={bar.width}
                  height={bar.height}
                  fill={bar.hidden ? `url(#${hatchId(uid)})` : seriesFill(uid, index)}
                  stroke={bar.hidden ? "#4a4a4a" : bar.style.color}
                  strokeWidth="1.5"
                />
              ) : null}
              <text x={bar.textX} y={bar.y + bar.height / 2} dy="0.32em">
                {bar.text}
              </text>
            </g>
          ))}
        </g>
      ))}
    </ChartFigure>
  );
}
