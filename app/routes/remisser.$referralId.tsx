import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { ErrorSummary, Form, SelectField, TextAreaField, TextField } from "~/components/form";
import { formatDateTime } from "~/lib/format";
import { invalidFor, parseForm, type FormValues } from "~/lib/form.server";
import { useIntentForm } from "~/components/intent-form";
import { notFound } from "~/lib/http";
import { readReferral } from "~/modules/referrals/referrals.server";
import { acceptReferral, addReferralFeedback, closeReferral, declineReferral, revokeReferral } from "~/modules/referrals/referral-steps.server";
import { REFERRAL_ROLES, requireRole } from "~/modules/auth/actor.server";
import { CONSENT_SECTION_SHORT } from "~/modules/consent/labels";
import {
  referralAcceptSchema,
  referralCloseSchema,
  referralDeclineSchema,
  referralFeedbackSchema,
  referralRevokeSchema,
} from "~/modules/referrals/referral-schemas";
import { REFERRAL_STATUS_LABELS, stepsFor } from "~/modules/referrals/referral-states";
import { FeedbackList, UnavailableReferral } from "~/components/referrals/referral-feedback";

export const meta: MetaFunction = () => [{ title: "Remiss – Samverkansportalen" }];

function referralIdOf(params: { referralId?: string }) {
  const id = Number(params.referralId);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, REFERRAL_ROLES);
  return readReferral(actor, referralIdOf(params));
}

const FORMS = {
  accept: referralAcceptSchema,
  decline: referralDeclineSchema,
  close: referralCloseSchema,
  revoke: referralRevokeSchema,
  feedback: referralFeedbackSchema,
} as const;
type FormName = keyof typeof FORMS;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, REFERRAL_ROLES);
  const id = referralIdOf(params);
  const name = new URL(request.url).searchParams.get("steg") as FormName | null;
  if (!name || !Object.hasOwn(FORMS, name)) return invalidFor("", { form: "Okänd åtgärd." });
  const form = await parseForm(request, FORMS[name]);
  const fail = (errors: Record<string, string>, values: FormValues) => invalidFor(name, errors, values);
  if (!form.ok) return fail(form.errors, form.values);
  const data = form.data as Record<string, string>;
  const result =
    name === "accept"
      ? acceptReferral(actor, id, form.data as z.output<typeof referralAcceptSchema>)
      : name === "decline"
        ? declineReferral(actor, id, data.declineReason!)
        : name === "close"
          ? closeReferral(actor, id, data.outcome!)
          : name === "revoke"
            ? revokeReferral(actor, id, data.revokeReason!)
            : addReferralFeedback(actor, id, data.text!);
  if (!result.ok) return fail(result.errors, form.values);
  return redirect(`/remisser/${id}`);
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type Available = Extract<Loaded, { available: true }>;

/** Each form on the page shows only its own errors (the action says which step posted). */
function useStepForm(name: FormName, defaults: Record<string, unknown> = {}) {
  return useIntentForm(useActionData<typeof action>(), name, FORMS[name], defaults);
}

export default function ReferralPage() {
  const data = useLoaderData<typeof loader>();
  if (!data.available) return <UnavailableReferral data={data} />;
  const { referral: r, youth, side, consent } = data;
  const steps = stepsFor(r.status, side);
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        {side === "sender" ? <Link to={`/ungdomar/${r.youthId}#remisser`}>Tillbaka till {youth.name}</Link> : <Link to="/remisser">Inkomna remisser</Link>}
      </p>
      <h1>
        Remiss {r.id} <span className="badge">{REFERRAL_STATUS_LABELS[r.status]}</span>
      </h1>
      <dl className="facts">
        <dt>Ungdom</dt>
        <dd>
          {youth.name}, {youth.personalNumber}
          {side === "recipient" ? (
            <span className="block">
              <Link to={`/delat/${r.youthId}`}>Visa de uppgifter som delas med er</Link>
            </span>
          ) : null}
        </dd>
        <dt>Från</dt>
        <dd>
          {r.senderName} ({r.senderPerson}), {formatDateTime(r.sentAt)}
        </dd>
        <dt>Till</dt>
        <dd>{r.recipientName}</dd>
        <dt>Fråga eller behov</dt>
        <dd>{r.question}</dd>
        <dt>Efterfrågad insats</dt>
        <dd>{r.requestedIntervention}</dd>
        <dt>Delas</dt>
        <dd>
          {r.sections.map((s) => CONSENT_SECTION_SHORT[s]).join(", ")}, enligt samtycke {consent.id} som gäller till {consent.validUntil}
        </dd>
        {r.receivedAt ? (
          <>
            <dt>Mottagen</dt>
            <dd>{formatDateTime(r.receivedAt)}</dd>
          </>
        ) : null}
        {r.status === "accepted" || r.status === "closed" ? (
          <>
            <dt>Accepterad</dt>
            <dd>
              {r.decidedAt ? formatDateTime(r.decidedAt) : ""} av {r.decidedBy}. Ansvarig handläggare: {r.responsible}.
              <span className="block">
                Insats: {r.acceptedIntervention}
                {r.acceptedStartDate ? `, ${r.acceptedStartDate} – ${r.acceptedEndDate ?? ""}` : ""}
              </span>
              {side === "sender" ? (
                <span className="block">
                  <Link to={`/ungdomar/${r.youthId}/insatser/ny?remiss=${r.id}`}>Lägg in insatsen i planen som annan aktörs insats</Link>
                </span>
              ) : null}
            </dd>
          </>
        ) : null}
        {r.status === "declined" ? (
          <>
            <dt>Avböjd</dt>
            <dd>
              {r.decidedAt ? formatDateTime(r.decidedAt) : ""} av {r.decidedBy}: {r.declineReason}
            </dd>
          </>
        ) : null}
        {r.status === "closed" ? (
          <>
            <dt>Avslutad</dt>
            <dd>
              {r.closedAt ? formatDateTime(r.closedAt) : ""}. Utfall: {r.outcome}
            </dd>
          </>
        ) : null}
        {r.status === "revoked" ? (
          <>
            <dt>Återkallad</dt>
            <dd>
              {r.revokedAt ? formatDateTime(r.revokedAt) : ""}: {r.revokeReason}
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="aterkoppling-rubrik" className="card">
        <h2 id="aterkoppling-rubrik">Återkoppling</h2>
        <FeedbackList feedback={r.feedback} empty="Ingen återkoppling ännu." />
        {steps.includes("feedback") ? <FeedbackForm /> : null}
      </section>
      {steps.includes("accept") ? <AcceptForm data={data} /> : null}
      {steps.includes("decline") ? <DeclineForm /> : null}
      {steps.includes("close") ? <CloseForm /> : null}
      {steps.includes("revoke") ? <RevokeForm /> : null}
    </div>
  );
}

function FeedbackForm() {
  const f = useStepForm("feedback");
  return (
    <Form {...f.formProps} action="?steg=feedback">
      <ErrorSummary errors={f.errors} />
      <TextAreaField
        {...f.field("text")}
        label="Ny återkoppling"
        maxLength={500}
        required
        hint="Delas mellan KAA-enheten och mottagaren. Skriv bara det som behövs för samarbetet."
      />
      <button type="submit" className="button button--secondary" disabled={f.submitting}>
        Skicka återkoppling
      </button>
    </Form>
  );
}

function AcceptForm({ data }: { data: Available }) {
  const f = useStepForm("accept");
  return (
    <section aria-labelledby="acceptera-rubrik" className="card">
      <h2 id="acceptera-rubrik">Acceptera remissen</h2>
      <ErrorSummary errors={f.errors} />
      <Form {...f.formProps} action="?steg=accept">
        <SelectField
          {...f.field("responsibleMembershipId")}
          label="Ansvarig handläggare hos er"
          required
          options={data.staff.map((s) => ({ value: String(s.membershipId), label: s.name }))}
        />
        <TextField {...f.field("acceptedIntervention")} label="Insats ni tar på er" required hint="Visas för KAA-enheten och kan läggas in i ungdomens plan." />
        <div className="inline-fields">
          <TextField {...f.field("acceptedStartDate")} label="Planerad start (frivilligt)" type="date" />
          <TextField {...f.field("acceptedEndDate")} label="Planerat slut (frivilligt)" type="date" />
        </div>
        <button type="submit" className="button" disabled={f.submitting}>
          Acceptera remissen
        </button>
      </Form>
    </section>
  );
}

function DeclineForm() {
  const f = useStepForm("decline");
  return (
    <section aria-labelledby="avboj-rubrik" className="card">
      <h2 id="avboj-rubrik">Avböj remissen</h2>
      <ErrorSummary errors={f.errors} />
      <Form {...f.formProps} action="?steg=decline">
        <TextAreaField {...f.field("declineReason")} label="Varför remissen avböjs" maxLength={300} required />
        <button type="submit" className="button button--secondary" disabled={f.submitting}>
          Avböj remissen
        </button>
      </Form>
    </section>
  );
}

function CloseForm() {
  const f = useStepForm("close");
  return (
    <section aria-labelledby="avsluta-rubrik" className="card">
      <h2 id="avsluta-rubrik">Avsluta remissen</h2>
      <ErrorSummary errors={f.errors} />
      <Form {...f.formProps} action="?steg=close">
        <TextAreaField {...f.field("outcome")} label="Utfall" maxLength={500} required hint="Vad blev resultatet av insatsen? Visas för KAA-enheten." />
        <button type="submit" className="button" disabled={f.submitting}>
          Avsluta remissen
        </button>
      </Form>
    </section>
  );
}

function RevokeForm() {
  const f = useStepForm("revoke");
  return (
    <section aria-labelledby="aterkalla-rubrik" className="card">
      <h2 id="aterkalla-rubrik">Återkalla remissen</h2>
      <ErrorSummary errors={f.errors} />
      <Form {...f.formProps} action="?steg=revoke">
        <TextAreaField {...f.field("revokeReason")} label="Varför remissen återkallas" maxLength={300} required />
        <button type="submit" className="button button--danger" disabled={f.submitting}>
          Återkalla remissen
        </button>
      </Form>
    </section>
  );
}
