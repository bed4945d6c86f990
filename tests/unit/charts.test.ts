// The charts: scales, ticks and paths from d3 (pure geometry), Swedish number formats, hidden values
// as gaps, and the rendered SVG with its title, description and a table holding the same numbers.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart, LineChart, TrendSection, type ChartSeries } from "~/components/charts";
import { describeSeries, formatChartValue, pointText } from "~/components/charts/chart-format";
import { barChartGeometry, lineChartGeometry, thinLabels, ticksOf, valueScale } from "~/components/charts/chart-geometry";

const NBSP = "\u00a0";
const months = (values: (number | null | "hidden")[]): ChartSeries => ({
  key: "new",
  label: "Nya inskrivningar",
  points: values.map((v, i) => ({ label: `M${i + 1}`, value: v === "hidden" ? null : v, hidden: v === "hidden" })),
});

describe("Swedish numbers", () => {
  it("groups thousands as the portal does and writes shares with a percent sign", () => {
    expect(formatChartValue(12345, "antal")).toBe(`12${NBSP}345`);
    expect(formatChartValue(7, "antal")).toBe("7");
    expect(formatChartValue(12, "andel")).toBe("12 %");
    expect(formatChartValue(12.25, "andel")).toBe("12,3 %");
  });

  it("says a hidden value as 'färre än 5' (or its own text) and a missing one as a dash, never the value", () => {
    expect(pointText({ label: "a", value: 3, hidden: true }, "antal")).toBe("färre än 5");
    expect(pointText({ label: "a", value: null, hidden: true, hiddenText: "dold" }, "antal")).toBe("dold");
    expect(pointText({ label: "a", value: null }, "antal")).toBe("–");
  });

  it("sums a series up for a screen reader", () => {
    const text = describeSeries([months([10, 20, "hidden", 5])], "antal");
    expect(text).toBe("Nya inskrivningar: från 10 (M1) till 5 (M4); högst 20 (M2), lägst 5 (M4); 1 värde visas inte (färre än 5 eller dolt).");
    expect(describeSeries([months(["hidden"])], "antal")).toContain("inga värden visas");
  });
});

describe("scales and ticks", () => {
  it("ticks counts at whole numbers only, from zero to a round maximum", () => {
    expect(ticksOf(valueScale([3], "antal", [100, 0]), "antal").map((t) => t.value)).toEqual([0, 1, 2, 3]);
    const big = ticksOf(valueScale([1234], "antal", [100, 0]), "antal");
    expect(big[0]!.value).toBe(0);
    expect(big[big.length - 1]!.value).toBeGreaterThanOrEqual(1234);
    expect(big.map((t) => t.text)).toContain(`1${NBSP}000`);
  });

  it("always runs shares from 0 to 100 %", () => {
    const ticks = ticksOf(valueScale([12, 30], "andel", [100, 0]), "andel");
    expect(ticks.map((t) => t.text)).toEqual(["0 %", "20 %", "40 %", "60 %", "80 %", "100 %"]);
    expect(ticks[0]!.at).toBe(100);
    expect(ticks[ticks.length - 1]!.at).toBe(0);
  });

  it("thins 36 monthly labels so they do not overlap, keeping the latest", () => {
    const shown = thinLabels(36, 552);
    expect(shown[35]).toBe(true);
    expect(shown.filter(Boolean).length).toBeLessThanOrEqual(Math.floor(552 / 64));
    expect(thinLabels(6, 552).every(Boolean)).toBe(true);
  });
});

describe("line geometry", () => {
  it("places points evenly and at their value", () => {
    const g = lineChartGeometry([months([0, 5, 10])], "antal");
    const [a, b, c] = g.series[0]!.markers;
    expect(b!.x - a!.x).toBeCloseTo(c!.x - b!.x);
    expect(a!.y).toBe(g.plot.bottom);
    expect(c!.y).toBe(g.plot.top);
    expect(g.series[0]!.path).toBe(`M${a!.x},${a!.y}L${b!.x},${b!.y}L${c!.x},${c!.y}`);
  });

  it("breaks the line at a hidden value and draws a hatched marker instead of a point", () => {
    const g = lineChartGeometry([months([4, 6, "hidden", 8, 9])], "antal");
    const s = g.series[0]!;
    expect(s.path.match(/M/g)).toHaveLength(2);
    expect(s.markers.map((m) => m.label)).toEqual(["M1", "M2", "M4", "M5"]);
    expect(s.hidden).toEqual([expect.objectContaining({ label: "M3", text: "färre än 5" })]);
    expect(s.hidden[0]!.x).toBe(g.xLabels[2]!.at);
  });

  it("breaks the line at a missing value without a hidden marker", () => {
    const s = lineChartGeometry([months([4, null, 8])], "antal").series[0]!;
    expect(s.path.match(/M/g)).toHaveLength(2);
    expect(s.hidden).toEqual([]);
  });

  it("gives each series its own dash and marker shape, not only a colour", () => {
    const g = lineChartGeometry([months([1, 2]), { ...months([2, 3]), key: "b", label: "B" }], "antal");
    const [first, second] = g.series;
    expect(first!.style.color).not.toBe(second!.style.color);
    expect(first!.style.dash).not.toBe(second!.style.dash);
    expect(first!.symbolPath).not.toBe(second!.symbolPath);
  });
});

describe("bar geometry", () => {
  const series: ChartSeries[] = [
    {
      key: "n",
      label: "Antal",
      points: [
        { label: "Studerar", value: 10 },
        { label: "Arbetar", value: 5 },
        { label: "Flyttat", value: null, hidden: true },
      ],
    },
  ];

  it("draws bars in proportion to their values and a hidden value as a short bar of fixed width", () => {
    const g = barChartGeometry(series, "antal");
    const [studies, work, moved] = g.groups.map((group) => group.bars[0]!);
    expect(studies!.width).toBeCloseTo(2 * work!.width);
    expect(moved!.hidden).toBe(true);
    expect(moved!.text).toBe("färre än 5");
    expect(moved!.width).toBeLessThan(work!.width);
    expect(g.groups.map((group) => group.label)).toEqual(["Studerar", "Arbetar", "Flyttat"]);
  });

  it("grows with its rows", () => {
    const one = barChartGeometry([{ ...series[0]!, points: series[0]!.points.slice(0, 1) }], "antal");
    expect(barChartGeometry(series, "antal").height).toBeGreaterThan(one.height);
  });
});

describe("rendered on the server", () => {
  const trend: ChartSeries[] = [
    {
      key: "started",
      label: "Påbörjade",
      points: [
        { label: "T1 2025", value: 12 },
        { label: "T2 2025", value: null, hidden: true },
        { label: "T3 2025", value: 1234 },
      ],
    },
    {
      key: "ended",
      label: "Avslutade",
      points: [
        { label: "T1 2025", value: 7 },
        { label: "T2 2025", value: 9 },
        { label: "T3 2025", value: 11 },
      ],
    },
  ];
  const html = renderToStaticMarkup(createElement(LineChart, { title: "Insatser per tertial", series: trend, unit: "antal" }));
  const table = /<table[\s\S]*<\/table>/.exec(html)![0];
  const cells = [...table.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);

  it("is an image with a title and a description of the trend", () => {
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="(chart-[^ "]+)-title \1-desc"/);
    expect(html).toMatch(/<title id="chart-[^"]+-title">Insatser per tertial<\/title>/);
    expect(html).toContain(`Påbörjade: från 12 (T1 2025) till 1${NBSP}234 (T3 2025)`);
  });

  it("comes with the same numbers as a table, the hidden one as 'färre än 5'", () => {
    expect(table).toContain("<caption>Insatser per tertial: siffrorna i diagrammet</caption>");
    expect(table).toContain('<th scope="row">T2 2025</th>');
    expect(cells).toEqual(["12", "7", "färre än 5", "9", `1${NBSP}234`, "11"]);
    expect(html).toContain("<summary>Visa siffrorna i en tabell</summary>");
  });

  it("draws a line per series, a marker per shown value and a legend entry for hidden values", () => {
    expect(html.match(/class="chart__series"/g)).toHaveLength(2);
    expect(html.match(/class="chart__hidden"/g)).toHaveLength(1);
    expect(html).toContain("Randigt: färre än 5 eller dolt, visas inte");
    expect(html).toMatch(/<pattern id="chart-[^"]+-hatch"/);
  });

  it("renders a bar chart and a trend section the same way", () => {
    const bars = renderToStaticMarkup(
      createElement(BarChart, { title: "Efter sex månader", series: [{ key: "n", label: "Antal", points: [{ label: "Studerar", value: 3 }] }], unit: "antal" }),
    );
    expect(bars).toMatch(/<svg[^>]*role="img"/);
    expect(bars).toContain("<caption>Efter sex månader: siffrorna i diagrammet</caption>");
    // Where the page has the same numbers in a table beside the chart, the chart links to it instead.
    const linked = renderToStaticMarkup(
      createElement(BarChart, {
        title: "Efter sex månader",
        series: [{ key: "n", label: "Antal", points: [{ label: "Studerar", value: 3 }] }],
        unit: "antal",
        numbers: { tableId: "sysselsattning", tableCaption: "Sysselsättning efter insatsen" },
      }),
    );
    expect(linked).not.toContain("<table");
    expect(linked).toContain('<a href="#sysselsattning">Sysselsättning efter insatsen</a>');
    expect(linked).toContain("Samma siffror finns i tabellen ”Sysselsättning efter insatsen”.");
    const section = renderToStaticMarkup(createElement(TrendSection, { id: "t", heading: "Över tid", series: trend, unit: "antal" }));
    expect(section).toContain('<h2 id="t-heading">Över tid</h2>');
    expect(section).toContain("<title");
  });
});
