/**
 * The areas of the annual report (årsrapport) to the nämnd: in each, the follow-up's tables that
 * belong there and the samordnare's analysis. Pure, for the browser too.
 */
import type { FigureTable } from "~/modules/statistics/follow-up-types";

/** The report's heading, on the page, in print and in the files. */
export const reportTitle = (periodLabel: string) => `Årsrapport om det kommunala aktivitetsansvaret: ${periodLabel}`;

export type ReportArea = {
  key: string;
  title: string;
  /** What the samordnare is asked to analyse (the hint beside the text field). */
  prompt: string;
  /** Rows of the overview table shown at the head of the area. */
  overviewRows: readonly string[];
  /** The follow-up tables of the area, by id. */
  tables: readonly string[];
};

export const REPORT_AREAS = [
  {
    key: "malgrupp",
    title: "Målgruppen",
    prompt: "Hur många ungdomar omfattades, varifrån kom de och hur har det förändrats jämfört med året före?",
    overviewRows: ["target", "populationShare", "new", "notices"],
    tables: ["malgrupp-alder", "malgrupp-skola", "nya-orsak", "anmalningar-skola", "anmalningar-typ"],
  },
  {
    key: "kontakt",
    title: "Uppsökande och kontakt",
    prompt: "Hur snabbt och på vilka sätt nåddes ungdomarna? Vilka kanaler fungerade, och hur många nåddes inte?",
    overviewRows: ["notContacted", "contactShare", "daysToContact"],
    tables: ["kontaktforsok", "nadda", "nadda-andel"],
  },
  {
    key: "kartlaggning",
    title: "Kartläggning och planering",
    prompt: "Hur många har en dokumenterad kartläggning och en individuell plan? Vad förklarar skillnaderna?",
    overviewRows: ["assessmentShare", "planShare"],
    tables: [],
  },
  {
    key: "insatser",
    title: "Insatser",
    prompt: "Vilka insatser erbjöds, vem ansvarade för dem och hur gick de enligt utvärderingarna?",
    overviewRows: ["inIntervention", "interventionEnded"],
    tables: ["insatser-typ", "insatser-ansvar", "insatser-avslutade"],
  },
  {
    key: "avslut",
    title: "Avslut och resultat",
    prompt: "Varför avslutades inskrivningarna, hur många återgick till studier och hur många fyllde 20 utan att göra det?",
    overviewRows: ["ended", "returned", "ended.reason:turned_20"],
    tables: ["inskrivningar-avslutade"],
  },
  {
    key: "mal",
    title: "Mål och handlingsplan",
    prompt: "Vilka mål nåddes och vilka inte? Hur har handlingsplanens aktiviteter genomförts, och vad behöver ändras?",
    overviewRows: [],
    tables: [],
  },
  {
    key: "analys",
    title: "Sammanfattande analys",
    prompt: "Vad är de viktigaste slutsatserna för nämnden, och vilka förbättringar föreslås till nästa år?",
    overviewRows: [],
    tables: [],
  },
] as const satisfies readonly ReportArea[];

export type AreaKey = (typeof REPORT_AREAS)[number]["key"];
export const AREA_KEYS = REPORT_AREAS.map((a) => a.key) as AreaKey[];
/** The area whose text must be written before the report can be fastställd. */
export const SUMMARY_AREA: AreaKey = "analys";
export const OVERVIEW_TABLE = "oversikt";

/** The form field of an area's text. */
export const analysisField = (key: AreaKey) => `analys_${key}`;

export type ArrangedArea = { area: ReportArea & { key: AreaKey }; tables: FigureTable[] };

/**
 * The follow-up's tables placed in the areas: each area gets a table of its overview rows and its own
 * tables; tables no area names (a table added to the follow-up later) come back as `others`, so the
 * report never leaves a figure out.
 */
export function arrangeTables(tables: readonly FigureTable[]): { overview: FigureTable | null; areas: ArrangedArea[]; others: FigureTable[] } {
  const byId = new Map(tables.map((t) => [t.id, t]));
  const overview = byId.get(OVERVIEW_TABLE) ?? null;
  const placed = new Set<string>([OVERVIEW_TABLE]);
  const areas = REPORT_AREAS.map((area): ArrangedArea => {
    const own: FigureTable[] = [];
    const rows = overview ? area.overviewRows.map((key) => overview.rows.find((r) => r.key === key)).filter((r) => r !== undefined) : [];
    if (rows.length > 0) own.push({ id: `${OVERVIEW_TABLE}-${area.key}`, caption: `${area.title}: nyckeltal`, rows });
    for (const id of area.tables) {
      const table = byId.get(id);
      if (!table) continue;
      own.push(table);
      placed.add(id);
    }
    return { area, tables: own };
  });
  return { overview, areas, others: tables.filter((t) => !placed.has(t.id)) };
}
