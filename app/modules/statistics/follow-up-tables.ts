/**
 * The tables of the follow-up: which figures, in which order, with which sums a reader can see (the
 * sums are what secondary suppression protects against). Pure: the server builds the tables from
 * one FigureSet per period and applies suppression per period.
 */
import { CONTACT_CHANNELS, ENROLLMENT_END_REASONS, ENROLLMENT_START_REASONS } from "#db/schema/outreach-values";
import { EVALUATION_OUTCOMES, RESPONSIBLE_PARTIES } from "#db/schema/plan-values";
import { NOTICE_KIND_LABELS, NOTICE_KINDS } from "~/modules/notices/notice-schema";
import { CHANNEL_LABELS, END_REASON_LABELS, START_REASON_LABELS } from "~/modules/outreach/labels";
import { EVALUATION_OUTCOME_LABELS, RESPONSIBLE_PARTY_LABELS } from "~/modules/documentation/labels";
import type { SumRule } from "./suppression";

/** End reasons that mean the youth went back to studies (as in the key figures). */
export const STUDY_END_REASONS = ["national_programme", "introduction_programme", "komvux", "folkhogskola"] as const;

export type RowSpec = { key: string; label: string; total?: boolean; indent?: boolean } & (
  { kind: "count" } | { kind: "share"; count: string; of: string } | { kind: "median" }
);
export type TableSpec = { id: string; caption: string; note?: string; rows: RowSpec[]; sums: SumRule[] };

const count = (key: string, label: string, extra: Partial<RowSpec> = {}): RowSpec => ({ key, label, kind: "count", ...extra }) as RowSpec;
const share = (key: string, label: string, c: string, of: string): RowSpec => ({ key, label, kind: "share", count: c, of });

/** A breakdown: its rows and a total row, and the sum tying them. */
function breakdown(id: string, caption: string, total: string, rows: { key: string; label: string }[], note?: string): TableSpec {
  return {
    id,
    caption,
    note,
    rows: [...rows.map((r) => count(r.key, r.label)), count(total, "Totalt", { total: true })],
    sums: [{ total, members: rows.map((r) => r.key) }],
  };
}

/** One collator for every sort (localeCompare with a locale builds a new one per call). */
const swedish = new Intl.Collator("sv");

/** Rows whose keys come from the data (schools, caseworkers, intervention types): the union of the periods, by name. */
function dataRows(prefix: string, keys: Iterable<string>, labels: Record<string, string>) {
  return [...new Set(keys)]
    .filter((key) => key.startsWith(`${prefix}:`))
    .map((key) => ({ key, label: labels[key] ?? key }))
    .sort((a, b) => swedish.compare(a.label, b.label));
}

const AGE_LABELS: Record<number, string> = { 16: "16 år eller yngre", 17: "17 år", 18: "18 år", 19: "19 år", 20: "20 år (fyllde 20 under perioden)" };
const CHANNEL_ORDER = [
  "letter",
  "knock_card",
  "phone",
  "sms",
  "home_visit",
  ...CONTACT_CHANNELS.filter((c) => !["letter", "knock_card", "phone", "sms", "home_visit"].includes(c)),
];

export function followUpTables(
  keys: Iterable<string>,
  labels: Record<string, string>,
  options: { withCaseworkers: boolean; withPopulation: boolean },
): TableSpec[] {
  const all = [...keys];
  const overview: TableSpec = {
    id: "oversikt",
    caption: "Översikt",
    rows: [
      count("target", "Ungdomar i målgruppen under perioden"),
      ...(options.withPopulation ? [share("populationShare", "Andel av kommunens befolkning 16–19 år", "target", "population")] : []),
      count("new", "Nya inskrivningar"),
      count("notices", "Anmälningar från skolor"),
      count("notContacted", "Inte kontaktade (inte nådda före periodens slut)"),
      share("contactShare", "Kontakt inom fyra veckor", "contact.inTime", "contact.judged"),
      { key: "daysToContact", label: "Dagar från inskrivning till första kontakt (median)", kind: "median" },
      share("assessmentShare", "Andel med dokumenterad kartläggning", "documented.assessment", "target"),
      share("planShare", "Andel med individuell plan", "documented.plan", "target"),
      count("inIntervention", "Ungdomar i en pågående insats"),
      count("interventionEnded", "Avslutade insatser"),
      count("ended", "Avslutade inskrivningar"),
      count("returned", "Återgått till studier"),
      count("ended.reason:turned_20", "Fyllt 20 utan att ha återgått till studier"),
    ],
    sums: [],
  };
  const tables: TableSpec[] = [
    overview,
    breakdown(
      "malgrupp-alder",
      "Målgruppen efter ålder vid periodens slut",
      "target",
      [16, 17, 18, 19, 20].map((age) => ({ key: `target.age:${age}`, label: AGE_LABELS[age]! })),
    ),
    breakdown("malgrupp-skola", "Målgruppen efter skola (den skola som anmälde)", "target", dataRows("target.school", all, labels)),
  ];
  if (options.withCaseworkers) {
    tables.push(breakdown("malgrupp-handlaggare", "Målgruppen efter handläggare", "target", dataRows("target.caseworker", all, labels)));
  }
  tables.push(
    breakdown(
      "nya-orsak",
      "Nya inskrivningar efter orsak",
      "new",
      ENROLLMENT_START_REASONS.map((r) => ({ key: `new.reason:${r}`, label: START_REASON_LABELS[r] })),
    ),
    breakdown("anmalningar-skola", "Anmälningar per skola", "notices", dataRows("notices.school", all, labels)),
    breakdown(
      "anmalningar-typ",
      "Anmälningar per typ",
      "notices",
      NOTICE_KINDS.map((k) => ({ key: `notices.kind:${k}`, label: NOTICE_KIND_LABELS[k] })),
    ),
    breakdown(
      "kontaktforsok",
      "Kontaktförsök per kanal",
      "attempts",
      CHANNEL_ORDER.map((c) => ({ key: `attempts.channel:${c}`, label: CHANNEL_LABELS[c as keyof typeof CHANNEL_LABELS] })),
    ),
    breakdown(
      "nadda",
      "Kontaktförsök där ungdomen eller vårdnadshavaren nåddes, per kanal",
      "reached",
      CHANNEL_ORDER.map((c) => ({ key: `reached.channel:${c}`, label: CHANNEL_LABELS[c as keyof typeof CHANNEL_LABELS] })),
    ),
    {
      id: "nadda-andel",
      caption: "Andel kontaktförsök som nådde fram, per kanal",
      rows: [
        ...CHANNEL_ORDER.map((c) =>
          share(`reachShare:${c}`, CHANNEL_LABELS[c as keyof typeof CHANNEL_LABELS], `reached.channel:${c}`, `attempts.channel:${c}`),
        ),
        { ...share("reachShare", "Alla kanaler", "reached", "attempts"), total: true },
      ],
      sums: [],
    },
    {
      id: "insatser-typ",
      caption: "Ungdomar i en pågående insats, efter insatstyp",
      note: "En ungdom kan ha flera insatser samtidigt, så raderna summerar inte till antalet ungdomar.",
      rows: [
        ...dataRows("intervention.type", all, labels).map((r) => count(r.key, r.label)),
        count("inIntervention", "Ungdomar i någon insats", { total: true }),
      ],
      sums: [],
    },
    {
      id: "insatser-ansvar",
      caption: "Ungdomar i en pågående insats, efter ansvarig",
      note: "En ungdom kan ha insatser med flera ansvariga, så raderna summerar inte till antalet ungdomar.",
      rows: [
        ...RESPONSIBLE_PARTIES.map((r) => count(`intervention.party:${r}`, RESPONSIBLE_PARTY_LABELS[r])),
        count("inIntervention", "Ungdomar i någon insats", { total: true }),
      ],
      sums: [],
    },
    breakdown("insatser-avslutade", "Avslutade insatser efter utvärdering", "interventionEnded", [
      ...EVALUATION_OUTCOMES.map((o) => ({ key: `interventionEnded.outcome:${o}`, label: EVALUATION_OUTCOME_LABELS[o] })),
      { key: "interventionEnded.outcome:none", label: "Inte utvärderad" },
    ]),
  );
  const studies = STUDY_END_REASONS.map((r) => `ended.reason:${r}`);
  const others = ENROLLMENT_END_REASONS.filter((r) => !(STUDY_END_REASONS as readonly string[]).includes(r));
  tables.push({
    id: "inskrivningar-avslutade",
    caption: "Avslutade inskrivningar efter orsak",
    rows: [
      count("returned", "Återgått till studier"),
      ...STUDY_END_REASONS.map((r) => count(`ended.reason:${r}`, END_REASON_LABELS[r], { indent: true })),
      ...others.map((r) => count(`ended.reason:${r}`, END_REASON_LABELS[r])),
      count("ended", "Totalt", { total: true }),
    ],
    sums: [
      { total: "ended", members: ENROLLMENT_END_REASONS.map((r) => `ended.reason:${r}`) },
      { total: "returned", members: studies },
    ],
  });
  return tables;
}
