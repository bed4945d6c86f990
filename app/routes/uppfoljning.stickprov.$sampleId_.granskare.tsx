import { Table } from "~/components/table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form as PlainForm, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, SelectField, TextField } from "~/components/form";
import { useIntentForm } from "~/components/intent-form";
import { addDays, todayIso } from "~/lib/dates";
import { doneFor, invalidFor, parseForm, readFormData } from "~/lib/form.server";
import { requireRole } from "~/modules/auth/actor.server";
import { auditorCandidates, giveReviewGrant, grantsOfSample, revokeReviewGrant, sampleForGrants } from "~/modules/internal-control/review-grants.server";
import { REVIEW_GRANT_STATE_LABELS } from "~/modules/internal-control/review-labels";
import { REVIEW_GRANT_MAX_DAYS, reviewGrantSchema, reviewRevokeSchema } from "~/modules/internal-control/review-schemas";
import { plural } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "Granskare för stickprovet – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["kaa_coordinator"]);
  const sampleId = Number(params.sampleId);
  const today = todayIso();
  return {
    sample: sampleForGrants(actor, sampleId),
    grants: grantsOfSample(actor, sampleId, today),
    candidates: auditorCandidates(actor),
    today,
    latest: addDays(today, REVIEW_GRANT_MAX_DAYS),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["kaa_coordinator"]);
  const sampleId = Number(params.sampleId);
  sampleForGrants(actor, sampleId);
  const intent = String((await readFormData(request.clone())).get("intent") ?? "");
  if (intent === "give") {
    const form = await parseForm(request, reviewGrantSchema);
    if (!form.ok) return invalidFor(intent, form.errors, form.values);
    const result = giveReviewGrant(actor, sampleId, form.data);
    return result.ok ? doneFor(intent, result.message) : invalidFor(intent, result.errors, form.values);
  }
  if (intent === "revoke") {
    const form = await parseForm(request, reviewRevokeSchema);
    if (!form.ok) return invalidFor(intent, form.errors, form.values);
    const result = revokeReviewGrant(actor, sampleId, form.data);
    return result.ok ? doneFor(intent, result.message) : invalidFor(intent, result.errors, form.values);
  }
  return invalidFor(intent, { form: "Okänd åtgärd." });
}

function GiveForm() {
  const { candidates, today, latest } = useLoaderData<typeof loader>();
  const { formProps, field, errors, submitting } = useIntentForm(useActionData<typeof action>(), "give", reviewGrantSchema, {
    validFrom: today,
    validUntil: addDays(today, 30),
  });
  if (candidates.length === 0) {
    return (
      <p>
        KAA-enheten har ingen granskare. Systemförvaltaren lägger upp revisorn som användare med rollen Granskare vid KAA-enheten; därefter ger du behörigheten
        här.
      </p>
    );
  }
  return (
    <Form {...formProps} aria-labelledby="ge-behorighet">
      <h3 id="ge-behorighet">Ge en granskare behörighet</h3>
      <ErrorSummary errors={errors} />
      <input type="hidden" name="intent" value="give" />
      <SelectField
        {...field("membershipId")}
        label="Granskare"
        required
        options={candidates.map((c) => ({ value: String(c.membershipId), label: `${c.displayName} (${c.username})` }))}
      />
      <TextField {...field("validFrom")} label="Gäller från och med" type="date" required hint={`Tidigast i dag, ${today}.`} />
      <TextField {...field("validUntil")} label="Gäller till och med" type="date" required hint={`Senast ${latest} (${REVIEW_GRANT_MAX_DAYS} dagar).`} />
      <button type="submit" className="button" disabled={submitting}>
        Ge behörighet
      </button>
    </Form>
  );
}

export default function SampleReviewers() {
  const { sample, grants } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const revokeError = actionData?.intent !== "give" && actionData && !actionData.ok ? Object.values(actionData.errors).join(" ") : null;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/uppfoljning/stickprov">Stickprov</Link> / <Link to={`/uppfoljning/stickprov/${sample.id}`}>Stickprov {sample.id}</Link>
      </p>
      <h1>Granskare för stickprov {sample.id}</h1>
      <p className="lead">
        En granskare (till exempel kommunens revisor) läser stickprovets {plural(sample.caseCount, "ärende", "ärenden")} – inskrivningar under{" "}
        {sample.periodFrom} – {sample.periodTo} – och inget annat, bara under den tid du anger. Varje visning loggas som ”Granskning {sample.id}” i
        loggkontrollen.
      </p>
      {actionData?.ok ? (
        <p className="alert alert--success" role="status">
          {actionData.message}
        </p>
      ) : null}
      {revokeError ? (
        <p className="alert alert--error" role="alert">
          {revokeError}
        </p>
      ) : null}
      <section aria-labelledby="behorigheter" className="card">
        <h2 id="behorigheter">Behörigheter</h2>
        {grants.length === 0 ? (
          <p>Ingen har fått behörighet att granska stickprovet.</p>
        ) : (
          <div className="table-wrap">
            <Table>
              <caption className="visually-hidden">Granskare och deras behörighet</caption>
              <thead>
                <tr>
                  <th scope="col">Granskare</th>
                  <th scope="col">Gäller</th>
                  <th scope="col">Läge</th>
                  <th scope="col">Given av</th>
                  <th scope="col">Återkalla</th>
                </tr>
              </thead>
              <tbody>
                {grants.map((g) => (
                  <tr key={g.id}>
                    <td>{g.holderName}</td>
                    <td>
                      {g.validFrom} – {g.validUntil}
                    </td>
                    <td>
                      {REVIEW_GRANT_STATE_LABELS[g.state]}
                      {g.revokedAt ? <span className="block muted">av {g.revokedBy}</span> : null}
                    </td>
                    <td>{g.givenBy}</td>
                    <td>
                      {g.state === "in_force" || g.state === "upcoming" ? (
                        <PlainForm method="post">
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="grantId" value={g.id} />
                          <button type="submit" className="button button--secondary">
                            Återkalla behörigheten för {g.holderName}
                          </button>
                        </PlainForm>
                      ) : (
                        "–"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        <GiveForm />
      </section>
    </>
  );
}
