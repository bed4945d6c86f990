import { Table } from "~/components/table";
/**
 * What every chart shares: the figure with its caption and legend, the SVG with a title and a
 * description a screen reader can read, the patterns that tell series and hidden values apart
 * without colour, and the same numbers as a table.
 *
 * The table follows the chart in the page, so a screen reader always reaches it; for sighted readers
 * it is folded away under "Visa siffrorna i en tabell" (a <details> that works without JavaScript,
 * with app.css hiding the table visually while it is closed). On paper the table is always printed.
 */
import { useId, type ReactNode } from "react";
import { SMALL_LABEL } from "~/modules/statistics/suppression";
import { categoriesOf, pointAt, pointText } from "./chart-format";
import { seriesStyle, type SeriesStyle } from "./chart-geometry";
import type { ChartSeries, ChartUnit } from "./chart-types";

/** A prefix for the ids inside one chart (patterns, title); the same on the server and in the browser. */
export function useChartId(): string {
  return `chart-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

export const hatchId = (uid: string) => `${uid}-hatch`;
export const fillId = (uid: string, index: number) => `${uid}-fill-${index}`;

/** The fill of a bar of the series at `index`: solid for the first, a pattern in its colour for the others. */
export function seriesFill(uid: string, index: number): string {
  return seriesStyle(index).fill === "solid" ? seriesStyle(index).color : `url(#${fillId(uid, index)})`;
}

/** Hatching for hidden values, and a pattern per series for bars (dots, stripes, crosses). */
export function ChartPatterns({ uid, count }: { uid: string; count: number }) {
  return (
    <defs>
      <pattern id={hatchId(uid)} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#4a4a4a" strokeWidth="2.5" />
      </pattern>
      {Array.from({ length: count }, (_, index) => {
        const style = seriesStyle(index);
        if (style.fill === "solid") return null;
        return (
          <pattern key={index} id={fillId(uid, index)} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#ffffff" />
            {style.fill === "dots" ? <circle cx="3" cy="3" r="1.8" fill={style.color} /> : null}
            {style.fill === "stripes" ? <rect width="6" height="3" fill={style.color} /> : null}
            {style.fill === "cross" ? <path d="M0 3H6M3 0V6" stroke={style.color} strokeWidth="1.5" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

type LegendEntry = { key: string; label: string; swatch: ReactNode };

/** The legend: one entry per series with its swatch (line and marker, or bar fill). */
export function ChartLegend({ entries }: { entries: LegendEntry[] }) {
  return (
    <ul className="chart__legend">
      {entries.map((entry) => (
        <li key={entry.key}>
          <svg className="chart__swatch" viewBox="0 0 32 16" width="32" height="16" aria-hidden="true" focusable="false">
            {entry.swatch}
          </svg>
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

export function lineSwatch(style: SeriesStyle, symbolPath: string) {
  return (
    <>
      <line x1="0" y1="8" x2="32" y2="8" stroke={style.color} strokeWidth="2.5" strokeDasharray={style.dash} />
      <path d={symbolPath} transform="translate(16 8)" fill={style.color} />
    </>
  );
}

export function barSwatch(uid: string, index: number) {
  return <rect x="2" y="2" width="28" height="12" fill={seriesFill(uid, index)} stroke={seriesStyle(index).color} strokeWidth="1.5" />;
}

export function hiddenEntry(uid: string, series: readonly ChartSeries[]): LegendEntry[] {
  if (!series.some((s) => s.points.some((p) => p.hidden))) return [];
  const swatch = <rect x="2" y="2" width="28" height="12" fill={`url(#${hatchId(uid)})`} stroke="#4a4a4a" strokeWidth="1.5" />;
  return [{ key: "__hidden", label: `Randigt: ${SMALL_LABEL} eller dolt, visas inte`, swatch }];
}

/** The chart's numbers as a table: a row per category, a column per series. */
export function ChartDataTable({
  title,
  series,
  unit,
  categoryHeading,
}: {
  title: string;
  series: readonly ChartSeries[];
  unit: ChartUnit;
  categoryHeading: string;
}) {
  return (
    <Table className="chart__table">
      <caption>{title}: siffrorna i diagrammet</caption>
      <thead>
        <tr>
          <th scope="col">{categoryHeading}</th>
          {series.map((s) => (
            <th scope="col" key={s.key} className="num">
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {categoriesOf(series).map((category) => (
          <tr key={category}>
            <th scope="row">{category}</th>
            {series.map((s) => (
              <td key={s.key} className="num">
                {pointText(pointAt(s, category), unit)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Where a chart's numbers are: its own table (folded), or a table beside it on the page. */
export type ChartNumbers = { table: ReactNode } | { tableId: string; tableCaption: string };

/**
 * The frame: caption, legend, the SVG (role="img", named by its title and description), and the
 * numbers: the chart's own table, or, where the page shows the same numbers in a table right beside
 * the chart, a link to that table (so a screen reader does not hear them twice).
 */
export function ChartFigure(props: {
  uid: string;
  title: string;
  description: string;
  width: number;
  height: number;
  legend: ReactNode;
  numbers: ChartNumbers;
  children: ReactNode;
  kind: "line" | "bar";
}) {
  const { uid, title, description, width, height, numbers } = props;
  const where = "table" in numbers ? "i tabellen efter diagrammet" : `i tabellen ”${numbers.tableCaption}”`;
  return (
    <figure className={`chart chart--${props.kind}`}>
      <figcaption className="chart__title">{title}</figcaption>
      {props.legend}
      <svg
        className="chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${uid}-title ${uid}-desc`}
        focusable="false"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${uid}-title`}>{title}</title>
        <desc id={`${uid}-desc`}>{`${description} Samma siffror finns ${where}.`}</desc>
        {props.children}
      </svg>
      {"table" in numbers ? (
        <>
          <details className="chart__toggle">
            <summary>Visa siffrorna i en tabell</summary>
          </details>
          <div className="chart__data">{numbers.table}</div>
        </>
      ) : (
        <p className="chart__see">
          Siffrorna finns i tabellen <a href={`#${numbers.tableId}`}>{numbers.tableCaption}</a>.
        </p>
      )}
    </figure>
  );
}
