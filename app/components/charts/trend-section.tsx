/**
 * A section of the follow-up with a heading, a short text and a trend chart: the piece the
 * follow-up pages (and the annual report) place for each figure they show over time. It takes the
 * series as props, so the page's loader decides what is measured and how it is suppressed.
 */
import type { ReactNode } from "react";
import { LineChart } from "./line-chart";
import type { ChartSeries, ChartUnit } from "./chart-types";

export function TrendSection({
  id,
  heading,
  chartTitle,
  series,
  unit,
  categoryHeading,
  children,
}: {
  id: string;
  heading: string;
  /** The chart's own title (what is counted, per what); defaults to the heading. */
  chartTitle?: string;
  series: readonly ChartSeries[];
  unit: ChartUnit;
  categoryHeading?: string;
  /** Text under the heading: what is counted and how to read it. */
  children?: ReactNode;
}) {
  return (
    <section className="trend-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
      <LineChart title={chartTitle ?? heading} series={series} unit={unit} categoryHeading={categoryHeading} />
    </section>
  );
}
