import type { ReactNode } from "react";
import { formatDateTime } from "~/lib/format";
import { arrangeTables, type AreaKey, type ReportArea } from "~/modules/annual-report/areas";
import { SUPPRESSION_NOTE } from "~/modules/annual-report/export-document";
import type { ReportFigures } from "~/modules/annual-report/report-types";
import { AnalysisText } from "./analysis-text";
import { ReportFiguresTable } from "./figures-table";

/**
 * Per area, what goes above its tables: the place for the trend charts and the goals met / not met
 * (e.g. `extras.mal` the goals, `extras.kontakt` the trend of contact within four weeks). The report
 * is complete without them.
 */
export type ReportExtras = Partial<Record<AreaKey, ReactNode>>;

type Props = {
  figures: ReportFigures;
  analysis: Record<AreaKey, string>;
  /** Whether the figures are frozen (an approved report) or computed now (a draft). */
  frozen: boolean;
  /** Where each table downloads as CSV; none in print. */
  csvHref?: (tableId: string) => string;
  extras?: ReportExtras;
  /** The draft's page puts the text fields here instead of the text. */
  renderAnalysis?: (area: ReportArea & { key: AreaKey }) => ReactNode;
};

const sectionId = (key: string) => `omrade-${key}`;

/**
 * The body of the annual report, on its page and in print: the key figures in brief, then one section
 * per area with its tables and the samordnare's analysis, then any table no area holds.
 */
export function ReportDocument({ figures, analysis, frozen, csvHref, extras, renderAnalysis }: Props) {
  const { followUp } = figures;
  const { overview, areas, others } = arrangeTables(followUp.tables);
  const table = (t: (typeof followUp.tables)[number]) => <ReportFiguresTable key={t.id} table={t} periods={followUp.periods} csvHref={csvHref?.(t.id)} />;
  return (
    <div className="report-document">
      <nav aria-labelledby="innehall" className="report-contents">
        <h2 id="innehall">Innehåll</h2>
        <ol>
          <li>
            <a href={`#${sectionId("sammandrag")}`}>Nyckeltal i sammandrag</a>
          </li>
          {areas.map(({ area }) => (
            <li key={area.key}>
              <a href={`#${sectionId(area.key)}`}>{area.title}</a>
            </li>
          ))}
          {others.length > 0 ? (
            <li>
              <a href={`#${sectionId("ovriga")}`}>Övriga tabeller</a>
            </li>
          ) : null}
        </ol>
      </nav>
      <section className="report-section" aria-labelledby={sectionId("sammandrag")}>
        <h2 id={sectionId("sammandrag")}>Nyckeltal i sammandrag</h2>
        <p>
          {frozen ? "Siffrorna låstes när rapporten fastställdes" : "Siffrorna är beräknade nu och låses när rapporten fastställs"} (
          {formatDateTime(followUp.computedAt)}). {SUPPRESSION_NOTE}
        </p>
        {overview ? table(overview) : null}
      </section>
      {areas.map(({ area, tables }) => (
        <section key={area.key} className="report-section" aria-labelledby={sectionId(area.key)}>
          <h2 id={sectionId(area.key)}>{area.title}</h2>
          {extras?.[area.key] ?? null}
          {tables.map(table)}
          <h3>Analys</h3>
          {renderAnalysis ? renderAnalysis(area) : <AnalysisText text={analysis[area.key]} />}
        </section>
      ))}
      {others.length > 0 ? (
        <section className="report-section" aria-labelledby={sectionId("ovriga")}>
          <h2 id={sectionId("ovriga")}>Övriga tabeller</h2>
          {others.map(table)}
        </section>
      ) : null}
    </div>
  );
}
