import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { ProposalTable } from "~/components/reconciliation/proposal-table";
import { formatDate, formatDateTime, parsePage } from "~/lib/format";
import { readFormData } from "~/lib/form.server";
import { openRegister } from "~/modules/access/gate.server";
import { requireRole } from "~/modules/auth/actor.server";
import { decideProposals } from "~/modules/reconciliation/apply.server";
import { PROPOSAL_KINDS, PROPOSAL_KIND_LABELS, type ProposalKind } from "~/modules/reconciliation/labels";
import { listProposals, proposalIdsOf, reconciliationOverview } from "~/modules/reconciliation/proposals.server";
import { reconcile } from "~/modules/reconciliation/reconcile.server";
import { plural } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "Målgruppen – avstämning – Samverkansportalen" }];

const kindOf = (value: string | null | undefined): ProposalKind | null => (PROPOSAL_KINDS.includes(value as ProposalKind) ? (value as ProposalKind) : null);

export async function loader({ request }: LoaderFunctionArgs) {
  const register = openRegister(await requireRole(request, ["kaa_coordinator"]));
  const params = new URL(request.url).searchParams;
  const overview = reconciliationOverview(register);
  const firstWithProposals = PROPOSAL_KINDS.find((k) => overview.counts[k] > 0) ?? "register";
  const kind = kindOf(params.get("typ")) ?? firstWithProposals;
  return { ...overview, kind, list: listProposals(register, kind, parsePage(params.get("sida"))) };
}

export async function action({ request }: ActionFunctionArgs) {
  const register = openRegister(await requireRole(request, ["kaa_coordinator"]));
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  if (intent === "run") {
    const run = reconcile(register);
    const news = run.newProposals === 0 ? "Inga nya förslag." : `${plural(run.newProposals, "nytt förslag", "nya förslag")}.`;
    return json({ ok: true, message: `Avstämningen är klar: ${plural(run.peopleRead, "person", "personer")} lästes. ${news}` });
  }
  const kind = kindOf(String(form.get("kind") ?? ""));
  if (!kind) return json({ ok: false, message: "Välj en grupp av förslag." }, { status: 400 });
  const decision = intent === "reject" ? "reject" : "accept";
  if (intent !== "accept" && intent !== "reject" && intent !== "accept-all") return json({ ok: false, message: "Okänt val." }, { status: 400 });
  const upToRun = Number(form.get("upToRun"));
  if (intent === "accept-all" && !(Number.isInteger(upToRun) && upToRun > 0))
    return json({ ok: false, message: "Ladda om sidan och försök igen." }, { status: 400 });
  const selection = intent === "accept-all" ? { allOfKind: kind, upToRun } : { ids: proposalIdsOf(form.getAll("id").map(String)) };
  const result = decideProposals(register, selection, decision, undefined, { notifyMoves: form.get("notify") === "1" });
  if (!result.ok) return json({ ok: false, message: result.error }, { status: 400 });
  const skipped = result.skipped > 0 ? ` ${result.skipped} behövde inte göras: registret hade redan ändrats.` : "";
  return json({
    ok: true,
    message:
      decision === "reject"
        ? `${result.applied} förslag avvisades. De föreslås inte igen förrän underlaget ändras.`
        : `${result.applied} förslag genomfördes.${skipped}`,
  });
}

export default function TargetGroup() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const run = data.lastRun;
  return (
    <>
      <h1>Målgruppen: avstämning</h1>
      <p className="lead">
        Folkbokföringen och skolornas listor jämförs med registret. Du granskar förslagen och godkänner dem, alla eller rad för rad. Inget ändras i registret
        förrän du godkänner.
      </p>
      {result ? (
        <div className={`alert ${result.ok ? "alert--success" : "alert--error"}`} role={result.ok ? "status" : "alert"}>
          {result.message}
        </div>
      ) : null}
      <section aria-labelledby="underlag">
        <h2 id="underlag">Underlag</h2>
        <ul className="compact-list">
          <li>
            Folkbokföringsuttag: {data.extract ? `från ${formatDate(data.extract.takenOn)}` : "inget hämtat ännu"}
            {data.extractRunning ? " (ett nytt uttag hämtas)" : ""}. <Link to="/malgrupp/folkbokforing">Hämta uttag och schema</Link>
          </li>
          <li>
            Skolornas listor: <Link to="/skollistor">ladda upp och se listor</Link>
          </li>
          <li>
            Niondeklassare hålls tillbaka {data.settings.holdFrom} till {data.settings.holdUntil}; ogiltig frånvaro från {data.settings.absenceThresholdPercent}{" "}
            % föreslås som anmälan. <Link to="/malgrupp/installningar">Ändra</Link>
          </li>
        </ul>
        <Form method="post" className="button-row">
          <button type="submit" name="intent" value="run" className="button">
            Stäm av nu
          </button>
        </Form>
        {run ? (
          <p className="muted">
            Senaste avstämning {formatDateTime(run.ranAt)}: {plural(run.peopleRead, "person", "personer")},{" "}
            {plural(run.newProposals, "nytt förslag", "nya förslag")}, {plural(run.openProposals, "öppet", "öppna")}
            {run.heldBack > 0 ? `, ${run.heldBack} niondeklassare väntar till ${data.settings.holdUntil}` : ""}.
          </p>
        ) : null}
      </section>
      <section aria-labelledby="forslag-rubrik">
        <h2 id="forslag-rubrik">Förslag</h2>
        <nav aria-label="Förslag efter slag" className="section-nav">
          <ul>
            {PROPOSAL_KINDS.map((k) => (
              <li key={k}>
                <Link to={`?typ=${k}`} aria-current={k === data.kind ? "page" : undefined}>
                  {PROPOSAL_KIND_LABELS[k]} ({data.counts[k]})
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {data.list.rows.length > 0 ? (
          <>
            <ProposalTable kind={data.kind} rows={data.list.rows} total={data.list.total} upToRun={data.lastRun?.id ?? 0} />
            <Pagination page={data.list.page} pageCount={data.list.pageCount} search={location.search} />
          </>
        ) : (
          <p>Inga öppna förslag i den här gruppen.</p>
        )}
      </section>
    </>
  );
}
