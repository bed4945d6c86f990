/**
 * Where the marks of a chart go, worked out by d3-scale (scales, ticks) and d3-shape (line paths,
 * marker symbols). Pure: the components only draw what this returns, so the geometry is unit-tested
 * without a DOM. Only the margins and the room per bar are fixed here; every position comes from a scale.
 */
import { scaleBand, scaleLinear, scalePoint, type ScaleLinear } from "d3-scale";
import { line, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from "d3-shape";
import { categoriesOf, formatChartValue, isShown, pointAt, pointText } from "./chart-format";
import type { ChartPoint, ChartSeries, ChartUnit } from "./chart-types";

export const CHART_WIDTH = 640;
export const LINE_CHART_HEIGHT = 300;
export const LINE_MARGIN = { top: 16, right: 24, bottom: 40, left: 64 } as const;
export const BAR_MARGIN = { top: 8, right: 112, bottom: 32, left: 8 } as const;
/** A bar chart grows with its rows: a label line and one bar per series for each category. */
export const BAR_LABEL_ROOM = 20;
export const BAR_ROOM = 18;
export const BAR_GAP = 12;
/** Fewer x labels than this many pixels apart would overlap; the rest are thinned out. */
export const MIN_LABEL_SPACING = 64;
const MARKER_AREA = 64;

/**
 * The look of each series: colour (at least 4.5:1 against white), dash pattern and marker shape, so
 * that series differ by more than colour and survive a black-and-white print.
 */
export type SeriesStyle = { color: string; dash?: string; symbol: SymbolType; fill: "solid" | "dots" | "stripes" | "cross" };
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { color: "#0b4f6c", symbol: symbolCircle, fill: "solid" },
  { color: "#a33f00", dash: "8 4", symbol: symbolSquare, fill: "dots" },
  { color: "#1d6b2f", dash: "2 4", symbol: symbolTriangle, fill: "stripes" },
  { color: "#6b3fa0", dash: "12 4 2 4", symbol: symbolDiamond, fill: "cross" },
];
export const seriesStyle = (index: number): SeriesStyle => SERIES_STYLES[index % SERIES_STYLES.length]!;

export type Box = { left: number; top: number; right: number; bottom: number };
export type Tick = { value: number; at: number; text: string };

/** A scale from 0 to a round maximum: 0–100 for shares, 0–(largest value, rounded up) for counts. */
export function valueScale(values: readonly number[], unit: ChartUnit, range: [number, number]): ScaleLinear<number, number> {
  const max = unit === "andel" ? 100 : Math.max(0, ...values);
  // An empty or all-zero count chart still gets an axis to 4 rather than a flat line at the top.
  return scaleLinear()
    .domain([0, max > 0 ? max : 4])
    .range(range)
    .nice(5);
}

/** About five ticks; counts only at whole numbers. */
export function ticksOf(scale: ScaleLinear<number, number>, unit: ChartUnit): Tick[] {
  return scale
    .ticks(5)
    .filter((v) => unit === "andel" || Number.isInteger(v))
    .map((value) => ({ value, at: scale(value), text: formatChartValue(value, unit) }));
}

/** The x labels to print: every `step`-th, counted back from the latest (which matters most). */
export function thinLabels(count: number, width: number): boolean[] {
  const room = Math.max(1, Math.floor(width / MIN_LABEL_SPACING));
  const step = Math.max(1, Math.ceil(count / room));
  return Array.from({ length: count }, (_, i) => (count - 1 - i) % step === 0);
}

export type Marker = { x: number; y: number; label: string; text: string };
export type LineSeriesGeometry = {
  key: string;
  label: string;
  style: SeriesStyle;
  /** The line, broken wherever a value is hidden or missing. */
  path: string;
  /** The marker symbol, centred on 0,0 (drawn translated to each point). */
  symbolPath: string;
  markers: Marker[];
  /** Hidden points: a hatched marker along the bottom of the plot, one row per series. */
  hidden: Marker[];
};
export type LineGeometry = {
  width: number;
  height: number;
  plot: Box;
  yTicks: Tick[];
  xLabels: { label: string; at: number; shown: boolean }[];
  series: LineSeriesGeometry[];
};

export function lineChartGeometry(series: readonly ChartSeries[], unit: ChartUnit, width = CHART_WIDTH, height = LINE_CHART_HEIGHT): LineGeometry {
  const plot: Box = { left: LINE_MARGIN.left, top: LINE_MARGIN.top, right: width - LINE_MARGIN.right, bottom: height - LINE_MARGIN.bottom };
  const categories = categoriesOf(series);
  const x = scalePoint<string>().domain(categories).range([plot.left, plot.right]).padding(0.5);
  const values = series.flatMap((s) => s.points.filter(isShown).map((p) => p.value));
  const y = valueScale(values, unit, [plot.bottom, plot.top]);
  const shown = thinLabels(categories.length, plot.right - plot.left);
  const markerRoom = Math.sqrt(MARKER_AREA) + 4;
  return {
    width,
    height,
    plot,
    yTicks: ticksOf(y, unit),
    xLabels: categories.map((label, i) => ({ label, at: x(label)!, shown: shown[i]! })),
    series: series.map((s, index) => {
      const style = seriesStyle(index);
      const points = categories.map((c) => pointAt(s, c));
      const path =
        line<ChartPoint>()
          .defined((p) => isShown(p))
          .x((p) => x(p.label)!)
          .y((p) => y(p.value!))(points) ?? "";
      return {
        key: s.key,
        label: s.label,
        style,
        path,
        symbolPath: symbol(style.symbol, MARKER_AREA)() ?? "",
        markers: points.filter(isShown).map((p) => ({ x: x(p.label)!, y: y(p.value), label: p.label, text: pointText(p, unit) })),
        hidden: points
          .filter((p) => p.hidden)
          .map((p) => ({ x: x(p.label)!, y: plot.bottom - markerRoom * (index + 0.5), label: p.label, text: pointText(p, unit) })),
      };
    }),
  };
}

export type Bar = { key: string; y: number; height: number; x: number; width: number; hidden: boolean; text: string; textX: number; style: SeriesStyle };
export type BarGeometry = {
  width: number;
  height: number;
  plot: Box;
  xTicks: Tick[];
  groups: { label: string; labelY: number; bars: Bar[] }[];
};

/**
 * Horizontal bars, one group per category with its label on a line of its own above the bars (names
 * of intervention types are long), one bar per series. A hidden value is a short hatched bar, its
 * width fixed rather than read off the scale, with its text ("färre än 5") beside it.
 */
export function barChartGeometry(series: readonly ChartSeries[], unit: ChartUnit, width = CHART_WIDTH): BarGeometry {
  const categories = categoriesOf(series);
  const band = BAR_LABEL_ROOM + series.length * BAR_ROOM;
  const height = BAR_MARGIN.top + categories.length * (band + BAR_GAP) + BAR_MARGIN.bottom;
  const plot: Box = { left: BAR_MARGIN.left, top: BAR_MARGIN.top, right: width - BAR_MARGIN.right, bottom: height - BAR_MARGIN.bottom };
  const padding = BAR_GAP / (band + BAR_GAP);
  const y = scaleBand<string>()
    .domain(categories)
    .range([plot.top, plot.bottom])
    .paddingInner(padding)
    .paddingOuter(padding / 2);
  const inner = scaleBand<string>()
    .domain(series.map((s) => s.key))
    .range([BAR_LABEL_ROOM, band])
    .paddingInner(0.15);
  const values = series.flatMap((s) => s.points.filter(isShown).map((p) => p.value));
  const x = valueScale(values, unit, [plot.left, plot.right]);
  const hiddenWidth = (plot.right - plot.left) / 40;
  return {
    width,
    height,
    plot,
    xTicks: ticksOf(x, unit),
    groups: categories.map((label) => {
      const top = y(label)!;
      return {
        label,
        labelY: top + BAR_LABEL_ROOM * 0.75,
        bars: series.map((s, index) => {
          const point = pointAt(s, label);
          const barWidth = isShown(point) ? x(point.value) - plot.left : point.hidden ? hiddenWidth : 0;
          return {
            key: s.key,
            y: top + inner(s.key)!,
            height: inner.bandwidth(),
            x: plot.left,
            width: barWidth,
            hidden: Boolean(point.hidden),
            text: pointText(point, unit),
            textX: plot.left + barWidth + 4,
            style: seriesStyle(index),
          };
        }),
      };
    }),
  };
}
