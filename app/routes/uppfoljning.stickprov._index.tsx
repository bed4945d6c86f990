import { Table } from "~/components/table";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, SelectField, TextField, useValidatedForm } from "~/components/form";
import { todayIso } from "~/lib/dates";
import { formatDateTime } from "~/lib/format";
import { invalid, parseForm } from "~/lib/form.server";
import { requireActor } from "~/modules/auth/actor.server";
import { internalControlRegister } from "~/modules/internal-control/cases.server";
import { SAMPLE_STATE_LABELS, SAMPLE_STATES } from "~/modules/internal-control/labels";
import { drawSample, listSamples, randomSeed } from "~/modules/internal-control/sampler.server";
import { SAMPLE_MAX_SIZE, sampleFormSchema } from "~/modules/internal-control/sample-schema";
import { kaaStaff } from "~/modules/organizations/memberships.server";
import { PERIOD_KIND_LABELS, PERIOD_KINDS, periodChoices } from "~/modules/statistics/periods";

export const meta: MetaFunction = () => [{ title: "Stickprov – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const register = internalControlRegister(actor);
  const today = todayIso();
  const choices = periodChoices(today);
  return {
    samples: listSamples(register),
    staff: kaaStaff(actor.organisationId!).map((s) => ({ value: String(s.membershipId), label: s.displayName })),
    choices: choices.map(({ kind, label, value }) => ({ kind, label, value })),
    defaults: {
      size: "10",
      seed: randomSeed(),
      // The SCB half-year under way: the period the unit reports on.
      period: choices.find((c) => c.kind === "halvar")?.value ?? "",
      fran: "",
      till: "",
      state: "all",
      handlaggare: "alla",
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const register = internalControlRegister(await requireActor(request));
  const form = await parseForm(request, sampleFormSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = drawSample(register, form.data, todayIso());
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/uppfoljning/stickprov/${result.sampleId}`);
}

export default function SamplesPage() {
  const { samples, staff, choices, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(sampleFormSchema, {
    defaultValues: actionData?.values ?? defaults,
    serverErrors: actionData?.errors,
  });
  const groups = PERIOD_KINDS.filter((k) => k !== "intervall").map((kind) => ({
    label: PERIOD_KIND_LABELS[kind],
    options: choices.filter((c) => c.kind === kind).map((c) => ({ value: c.value, label: c.label })),
  }));
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/uppfoljning">Uppföljning</Link>
      </p>
      <h1>Stickprov (intern kontroll)</h1>
      <p className="lead">
        Dra ett slumpmässigt urval av inskrivningar och se hur de står sig på revisorernas fyra områden: kontakt enligt rutinen, kartläggning, åtgärder samt
        uppföljning och utvärdering. Samma frö ger samma urval, så en revisor kan kontrollera dragningen.
      </p>
      <Form {...formProps} className="card" aria-labelledby="dra-rubrik">
        <h2 id="dra-rubrik">Dra ett nytt stickprov</h2>
        <ErrorSummary errors={actionData?.errors} />
        <TextField name="size" label={`Antal ärenden (högst ${SAMPLE_MAX_SIZE})`} register={register} error={errorFor("size")} inputMode="numeric" required />
        <TextField
          name="seed"
          label="Frö"
          register={register}
          error={errorFor("seed")}
          hint="Ett slumpat frö är ifyllt. Skriv ett eget (a–z, siffror, bindestreck) för att dra samma urval igen."
          required
        />
        <SelectField
          name="period"
          label="Period (inskrivna någon gång under perioden)"
          register={register}
          error={errorFor("period")}
          options={[{ value: "intervall", label: "Eget intervall (ange datum nedan)" }]}
          groups={groups}
          required
        />
        <fieldset>
          <legend>Eget intervall</legend>
          <TextField name="fran" label="Från och med" type="date" register={register} error={errorFor("fran")} />
          <TextField name="till" label="Till och med" type="date" register={register} error={errorFor("till")} />
        </fieldset>
        <SelectField
          name="state"
          label="Inskrivningar"
          register={register}
          error={errorFor("state")}
          options={SAMPLE_STATES.map((s) => ({ value: s, label: SAMPLE_STATE_LABELS[s] }))}
          required
        />
        <SelectField
          name="handlaggare"
          label="Handläggare"
          register={register}
          error={errorFor("handlaggare")}
          options={[{ value: "alla", label: "Alla handläggare" }, ...staff]}
          required
        />
        <button type="submit" className="button" disabled={submitting}>
          Dra stickprov
        </button>
      </Form>
      <section aria-labelledby="tidigare-rubrik">
        <h2 id="tidigare-rubrik">Tidigare stickprov</h2>
        {samples.length === 0 ? (
          <p>Inga stickprov är dragna ännu.</p>
        ) : (
          <div className="table-wrap">
            <Table>
              <caption className="visually-hidden">Tidigare stickprov, senaste först</caption>
              <thead>
                <tr>
                  <th scope="col">Draget</th>
                  <th scope="col">Period</th>
                  <th scope="col">Inskrivningar</th>
                  <th scope="col">Ärenden</th>
                  <th scope="col">Frö</th>
                  <th scope="col">Av</th>
                </tr>
              </thead>
              <tbody>
                {samples.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/uppfoljning/stickprov/${s.id}`}>{formatDateTime(s.createdAt)}</Link>
                    </td>
                    <td>
                      {s.periodFrom} – {s.periodTo}
                    </td>
                    <td>{SAMPLE_STATE_LABELS[s.state]}</td>
                    <td>
                      {s.cases} av {s.populationSize}
                    </td>
                    <td>
                      <code>{s.seed}</code>
                    </td>
                    <td>{s.createdBy}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}
