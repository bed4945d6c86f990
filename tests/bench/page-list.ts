/**
 * Every list and filter page, as the benchmark times it and the query-plan test explains it: one
 * list, so a page added here is both measured and guarded against scans.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { signedIn } from "../factories/requests";
import type { BenchWorld } from "./bulk-seed";

const routes = {
  login: await import("~/routes/logga-in"),
  start: await import("~/routes/start"),
  register: await import("~/routes/ungdomar._index"),
  youth: await import("~/routes/ungdomar.$youthId._index"),
  worklist: await import("~/routes/att-gora"),
  documentation: await import("~/routes/dokumentation"),
  log: await import("~/routes/loggkontroll"),
  inbox: await import("~/routes/inkorg._index"),
  referrals: await import("~/routes/remisser._index"),
  concernReports: await import("~/routes/orosanmalningar._index"),
  schoolNotices: await import("~/routes/anmalningar._index"),
  forums: await import("~/routes/samverkan._index"),
  forum: await import("~/routes/samverkan.forum.$forumId._index"),
  followUp: await import("~/routes/uppfoljning._index"),
  interventionEffect: await import("~/routes/uppfoljning_.insatser"),
};

export type Who = "none" | "caseworker" | "coordinator" | "social" | "school" | "steering";
export type Page = {
  label: string;
  who: Who;
  /** The path requested for run i (the youth page walks a sample of youths). */
  path: (i: number) => string;
  run: (request: Request, i: number) => Promise<unknown>;
  /** Also loaded over HTTP in the benchmark (the rest are timed in-process only, to keep the run short). */
  http: boolean;
};

export type Requester = { get: (path: string) => Request };

/** A signed-in requester for each role the pages are loaded as (the anonymous one for sign-in). */
export async function requestersOf(world: BenchWorld): Promise<Record<Who, Requester>> {
  const { actors } = world;
  return {
    none: { get: (path) => new Request(`http://localhost${path}`) },
    caseworker: await signedIn(actors.caseworkers[0]!),
    coordinator: await signedIn(actors.coordinator),
    social: await signedIn(actors.social),
    school: await signedIn(actors.school),
    steering: await signedIn(actors.steering),
  };
}

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
const call =
  (loader: Loader, params: Record<string, string> = {}) =>
  (request: Request) =>
    loader({ request, params, context: { clientAddress: "127.0.0.1" } } as LoaderFunctionArgs);

export function pagesOf(world: BenchWorld): Page[] {
  const sample = world.documentedYouthIds.slice(0, 200);
  const someone = world.youths.find((y) => world.documentedYouthIds.includes(y.id)) ?? world.youths[0]!;
  const youthName = `${someone.firstName} ${someone.lastName}`.toLowerCase();
  const nameStart = someone.lastName.slice(0, 3).toLowerCase();
  const caseworker = world.actors.caseworkers[0]!;
  const page = (label: string, who: Who, path: string, loader: Loader, http = false, params: Record<string, string> = {}): Page => ({
    label,
    who,
    path: () => path,
    run: call(loader, params),
    http,
  });
  const { register, worklist, documentation, log } = routes;
  return [
    page("/logga-in (utan session)", "none", "/logga-in", routes.login.loader, true),
    page("/start (handläggare)", "caseworker", "/start", routes.start.loader, true),
    page("/start (samordnare)", "coordinator", "/start", routes.start.loader),
    page("/start (styrgruppen)", "steering", "/start", routes.start.loader),
    page("/ungdomar sida 1 (samordnare)", "coordinator", "/ungdomar", register.loader, true),
    page(`/ungdomar?q=${nameStart} (namnsökning)`, "coordinator", `/ungdomar?q=${encodeURIComponent(nameStart)}`, register.loader, true),
    page("/ungdomar?q=<förnamn efternamn>", "coordinator", `/ungdomar?q=${encodeURIComponent(youthName)}`, register.loader),
    page("/ungdomar?sortering=nyast&sida=40", "coordinator", "/ungdomar?sortering=nyast&sida=40", register.loader),
    page("/ungdomar?sortering=alder&sida=400", "coordinator", "/ungdomar?sortering=alder&sida=400", register.loader),
    page("/ungdomar?status=watch", "coordinator", "/ungdomar?status=watch", register.loader),
    page("/ungdomar?status=none", "coordinator", "/ungdomar?status=none", register.loader),
    page("/ungdomar?handlaggare=<en>", "coordinator", `/ungdomar?handlaggare=${caseworker.membershipId}`, register.loader),
    page("/ungdomar?handlaggare=unassigned", "coordinator", "/ungdomar?handlaggare=unassigned", register.loader),
    page("/ungdomar?forsenade=ja", "coordinator", "/ungdomar?forsenade=ja", register.loader),
    {
      label: "/ungdomar/:id (handläggare)",
      who: "caseworker",
      path: (i) => `/ungdomar/${sample[i % sample.length]}`,
      run: (request, i) => call(routes.youth.loader, { youthId: sample[i % sample.length]! })(request),
      http: true,
    },
    page("/att-gora (en handläggare)", "caseworker", "/att-gora", worklist.loader, true),
    page("/att-gora?handlaggare=alla (enheten)", "coordinator", "/att-gora?handlaggare=alla", worklist.loader, true),
    page("/dokumentation (enheten)", "coordinator", "/dokumentation", documentation.loader, true),
    page("/dokumentation?punkt=5&ordning=nyast&sida=3", "coordinator", "/dokumentation?punkt=5&ordning=nyast&sida=3", documentation.loader),
    page("/dokumentation (en handläggare)", "caseworker", "/dokumentation", documentation.loader),
    page("/loggkontroll sida 1", "coordinator", "/loggkontroll", log.loader, true),
    page("/loggkontroll?ungdom=<namn>", "coordinator", `/loggkontroll?ungdom=${encodeURIComponent(youthName)}`, log.loader, true),
    page("/loggkontroll?grund=denied", "coordinator", "/loggkontroll?grund=denied", log.loader, true),
    page("/loggkontroll?anvandare=<en>", "coordinator", `/loggkontroll?anvandare=${caseworker.userId}`, log.loader),
    page("/loggkontroll?fran&till&sida=20", "coordinator", "/loggkontroll?fran=2026-01-01&till=2026-06-30&sida=20", log.loader),
    page("/loggkontroll?grund=consent&andra=ja", "coordinator", "/loggkontroll?grund=consent&andra=ja", log.loader),
    page("/inkorg (samordnare)", "coordinator", "/inkorg", routes.inbox.loader, true),
    page("/inkorg?status=handled", "coordinator", "/inkorg?status=handled", routes.inbox.loader),
    page("/remisser (KAA, skickade)", "coordinator", "/remisser", routes.referrals.loader, true),
    page("/remisser (socialtjänsten, inkorg)", "social", "/remisser", routes.referrals.loader, true),
    page("/remisser?flik=avslutade (socialtjänsten)", "social", "/remisser?flik=avslutade", routes.referrals.loader),
    page("/orosanmalningar (samordnare)", "coordinator", "/orosanmalningar", routes.concernReports.loader),
    page("/anmalningar (skolan)", "school", "/anmalningar", routes.schoolNotices.loader),
    page("/samverkan (samordnare)", "coordinator", "/samverkan", routes.forums.loader, true),
    page("/uppfoljning (samordnare, tertial)", "coordinator", "/uppfoljning", routes.followUp.loader, true),
    page("/uppfoljning?period=lasar-2025 (samordnare)", "coordinator", "/uppfoljning?period=lasar-2025", routes.followUp.loader),
    page("/uppfoljning (styrgruppen)", "steering", "/uppfoljning", routes.followUp.loader),
    page(
      "/uppfoljning/insatser?period=lasar-2025 (samordnare)",
      "coordinator",
      "/uppfoljning/insatser?period=lasar-2025",
      routes.interventionEffect.loader,
      true,
    ),
    page("/uppfoljning/insatser (styrgruppen, nio tertial)", "steering", "/uppfoljning/insatser", routes.interventionEffect.loader),
    page("/samverkan/forum/:id (socialtjänsten)", "social", `/samverkan/forum/${world.forumId}`, routes.forum.loader, false, {
      forumId: String(world.forumId),
    }),
  ];
}
