import { Table } from "~/components/table";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDate, formatDateTime } from "~/lib/format";
import { parseForm, readFormData } from "~/lib/form.server";
import { requireRole } from "~/modules/auth/actor.server";
import { describeSchedule, EXTRACT_FREQUENCIES, FREQUENCY_LABELS, scheduleSchema, WEEKDAY_LABELS } from "~/modules/reconciliation/extract-schedule";
import { requireExtractKeeper, saveSchedule, scheduleOf } from "~/modules/reconciliation/extract-schedule.server";
import { recentSnapshots, type SnapshotMeta } from "~/modules/reconciliation/population-extract.server";
import { refreshTargetGroup } from "~/modules/reconciliation/refresh.server";
import { plural } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "Folkbokföringsuttag – Målgrupp – Samverkansportalen" }];

const STATUS_LABELS: Record<SnapshotMeta["status"], string> = { running: "Pågår", complete: "Klart", failed: "Misslyckades" };

/** The samordnare's page: only the KAA unit's samordnare; everyone else 403, like the log review. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["kaa_coordinator"]);
  const register = requireExtractKeeper(actor);
  const schedule = scheduleOf(register);
  return {
    municipalityName: actor.municipalityName,
    snapshots: recentSnapshots(register),
    schedule: { frequency: schedule.frequency, weekday: schedule.weekday, hour: schedule.hour, lastRunAt: schedule.lastRunAt },
  };
}

type ActionData = { intent: "fetch" | "schedule" | "unknown"; ok: boolean; message: string; errors?: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["kaa_coordinator"]);
  const register = requireExtractKeeper(actor);
  const intent = String((await readFormData(request.clone())).get("intent") ?? "");
  if (intent === "fetch") {
    const { extract: result, run } = await refreshTargetGroup(register.municipalityId, actor.membershipId);
    const message = result.ok
      ? `Uttaget är hämtat: ${plural(result.personCount, "person", "personer")}${result.rejected > 0 ? `, ${plural(result.rejected, "rad", "rader")} med ogiltigt personnummer avvisades` : ""}. Avstämningen gav ${plural(run?.newProposals ?? 0, "nytt förslag", "nya förslag")}.`
      : result.message;
    return json<ActionData>({ intent, ok: result.ok, message }, { status: result.ok ? 200 : 502 });
  }
  if (intent === "schedule") {
    const parsed = await parseForm(request, scheduleSchema);
    if (!parsed.ok)
      return json<ActionData>({ intent, ok: false, message: "Schemat sparades inte. Rätta felen nedan.", errors: parsed.errors }, { status: 400 });
    saveSchedule(register, parsed.data);
    return json<ActionData>({ intent, ok: true, message: `Schemat är sparat: ${describeSchedule(parsed.data)}.` });
  }
  return json<ActionData>({ intent: "unknown", ok: false, message: "Okänd åtgärd. Ladda om sidan och försök igen." }, { status: 400 });
}

const count = (n: number | undefined) => (n === undefined ? "–" : n.toLocaleString("sv-SE"));

function SnapshotTable({ snapshots }: { snapshots: SnapshotMeta[] }) {
  if (snapshots.length === 0) return <p>Inget uttag är hämtat än.</p>;
  return (
    // A wide table scrolls sideways: focusable, so keyboard users can scroll it too.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrap" role="region" aria-labelledby="uttag-caption" tabIndex={0}>
      <Table>
        <caption id="uttag-caption" className="visually-hidden">
          De senaste uttagen ur folkbokföringen
        </caption>
        <thead>
          <tr>
            <th scope="col">Begärt</th>
            <th scope="col">Uttagsdatum</th>
            <th scope="col">Status</th>
            <th scope="col">Personer</th>
            <th scope="col">Folkbokförda</th>
            <th scope="col">Inflyttade</th>
            <th scope="col">Utflyttade</th>
            <th scope="col">Avlidna</th>
            <th scope="col">Skyddad identitet</th>
            <th scope="col">Samordnings&shy;nummer</th>
            <th scope="col">Avvisade nummer</th>
          </tr>
        </thead>
        <tbody>
          {snapshots.map((s) => (
            <tr key={s.id}>
              <td>{formatDateTime(s.requestedAt)}</td>
              <td>{s.takenOn ? formatDate(s.takenOn) : "–"}</td>
              <td>
                {STATUS_LABELS[s.status]}
                {s.error ? <span className="muted"> – {s.error}</span> : null}
              </td>
              <td>{s.status === "complete" ? count(s.personCount) : "–"}</td>
              <td>{count(s.counts?.resident)}</td>
              <td>{count(s.counts?.movedIn)}</td>
              <td>{count(s.counts?.movedOut)}</td>
              <td>{count(s.counts?.deceased)}</td>
              <td>{count(s.counts?.protected)}</td>
              <td>{count(s.counts?.coordination)}</td>
              <td>{count(s.counts?.rejected)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

export default function PopulationExtractPage() {
  const { municipalityName, snapshots, schedule } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const fetching = navigation.state === "submitting" && navigation.formData?.get("intent") === "fetch";
  const errors = actionData?.intent === "schedule" ? (actionData.errors ?? {}) : {};
  const alert = (intent: ActionData["intent"]) =>
    actionData && (actionData.intent === intent || (intent === "fetch" && actionData.intent === "unknown")) ? (
      <p className={`alert ${actionData.ok ? "alert--success" : "alert--error"}`} role={actionData.ok ? "status" : "alert"}>
        {actionData.message}
      </p>
    ) : null;
  return (
    <>
      <p>
        <Link to="/malgrupp">Målgruppen</Link>
      </p>
      <h1>Uttag ur folkbokföringen</h1>
      <p className="lead">
        Alla 16–19-åringar som är folkbokförda i {municipalityName ?? "kommunen"}, och de som nyss flyttat ut eller avlidit. Uttaget jämförs med registret och
        skolornas listor. Adresser till personer med skyddad identitet sparas aldrig.
      </p>
      <section aria-labelledby="hamta">
        <h2 id="hamta">Hämta nu</h2>
        {alert("fetch")}
        <Form method="post">
          <input type="hidden" name="intent" value="fetch" />
          <button type="submit" className="button" disabled={fetching}>
            {fetching ? "Hämtar uttaget …" : "Hämta uttag nu"}
          </button>
        </Form>
      </section>
      <section aria-labelledby="uttag">
        <h2 id="uttag">Senaste uttagen</h2>
        <p className="muted">De två senaste fullständiga uttagen sparas; äldre tas bort.</p>
        <SnapshotTable snapshots={snapshots} />
      </section>
      <section aria-labelledby="schema" className="card narrow">
        <h2 id="schema">Schema</h2>
        <p>
          Nu: {describeSchedule(schedule)}.{schedule.lastRunAt ? ` Senast startat av schemat ${formatDateTime(schedule.lastRunAt)}.` : ""}
        </p>
        {alert("schedule")}
        <Form method="post">
          <input type="hidden" name="intent" value="schedule" />
          <fieldset aria-describedby={errors.frequency ? "frequency-error" : undefined}>
            <legend>Hur ofta</legend>
            {EXTRACT_FREQUENCIES.map((f) => (
              <div className="field field--radio" key={f}>
                <input id={`frequency-${f}`} type="radio" name="frequency" value={f} defaultChecked={schedule.frequency === f} />
                <label htmlFor={`frequency-${f}`}>{FREQUENCY_LABELS[f]}</label>
              </div>
            ))}
            {errors.frequency ? (
              <p className="field__error" id="frequency-error">
                {errors.frequency}
              </p>
            ) : null}
          </fieldset>
          <div className={`field${errors.weekday ? " field--error" : ""}`}>
            <label htmlFor="weekday">Veckodag (vid en gång i veckan)</label>
            <select
              id="weekday"
              name="weekday"
              defaultValue={schedule.weekday ?? ""}
              aria-invalid={errors.weekday ? true : undefined}
              aria-describedby={errors.weekday ? "weekday-error" : undefined}
            >
              <option value="">Välj dag</option>
              {WEEKDAY_LABELS.map((label, i) => (
                <option key={label} value={i + 1}>
                  {label}
                </option>
              ))}
            </select>
            {errors.weekday ? (
              <p className="field__error" id="weekday-error">
                {errors.weekday}
              </p>
            ) : null}
          </div>
          <div className={`field${errors.hour ? " field--error" : ""}`}>
            <label htmlFor="hour">Klockslag (hel timme, 0–23)</label>
            <input
              id="hour"
              name="hour"
              inputMode="numeric"
              defaultValue={String(schedule.hour)}
              aria-invalid={errors.hour ? true : undefined}
              aria-describedby={errors.hour ? "hour-error" : undefined}
            />
            {errors.hour ? (
              <p className="field__error" id="hour-error">
                {errors.hour}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button">
            Spara schemat
          </button>
        </Form>
      </section>
    </>
  );
}
