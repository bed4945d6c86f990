/** Server-rendered SVG charts with their numbers as a table (see chart-parts.tsx). */
export { BarChart, type BarChartProps } from "./bar-chart";
export { LineChart, type LineChartProps } from "./line-chart";
export { TrendSection } from "./trend-section";
export { describeSeries, formatChartValue, pointText } from "./chart-format";
export type { ChartPoint, ChartSeries, ChartUnit } from "./chart-types";
