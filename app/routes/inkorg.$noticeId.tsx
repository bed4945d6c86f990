import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form as ValidatedForm, SelectField, useValidatedForm } from "~/components/form";
import { NOTICE_STATUS_LABELS } from "~/components/labels";
import { YouthIdentityFields } from "~/components/youth-identity-fields";
import { formatDateTime } from "~/lib/format";
import { invalid, parseForm, readFormData } from "~/lib/form.server";
import { readNotice } from "~/modules/notices/notices.server";
import { markNoticeHandled, receiveNotice } from "~/modules/notices/receive-notice.server";
import { kaaStaff } from "~/modules/organizations/memberships.server";
import { receiveCaseworkerSchema } from "~/modules/outreach/outreach-schemas";
import { KAA_ROLES, requireRole } from "~/modules/auth/actor.server";
import { NOTICE_KIND_LABELS } from "~/modules/notices/notice-schema";
import { listMunicipalities } from "~/modules/organizations/municipalities.server";
import { lookUpForRegistration, withRegisterProtection } from "~/modules/youth/prefill.server";
import { PopulationLookupResult, type LookupView } from "~/components/population-lookup";
import { youthCreateSchema } from "~/modules/youth/youth-schema";

const receiveWithNewYouthSchema = youthCreateSchema.and(receiveCaseworkerSchema);
type StaffOption = { value: string; label: string };

export const meta: MetaFunction = () => [{ title: "Anmälan – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, KAA_ROLES);
  const data = readNotice(actor, Number(params.noticeId));
  const { notice } = data;
  return {
    ...data,
    notice: {
      id: notice.id,
      kind: notice.kind,
      status: notice.status,
      name: `${notice.firstName} ${notice.lastName}`,
      firstName: notice.firstName,
      lastName: notice.lastName,
      personalNumber: notice.personalNumberFormatted,
      homeMunicipalityId: notice.homeMunicipalityId,
      programme: notice.programme,
      eventDate: notice.eventDate,
      reason: notice.reason,
      contactName: notice.contactName,
      contactPhone: notice.contactPhone,
      contactEmail: notice.contactEmail,
      createdAt: notice.createdAt,
      receivedAt: notice.receivedAt,
      youthId: notice.youthId,
    },
    municipalities: listMunicipalities().filter((m) => m.id === notice.homeMunicipalityId),
    staff: kaaStaff(actor.organisationId!).map((s) => ({ value: String(s.membershipId), label: s.displayName })),
    // The one who receives the notice takes the case, unless they choose another.
    receiver: String(actor.membershipId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, KAA_ROLES);
  const noticeId = Number(params.noticeId);
  const intent = (await readFormData(request.clone())).get("intent");
  if (intent === "lookup") {
    const { notice } = readNotice(actor, noticeId);
    const useRegisterName = (await readFormData(request)).get("useRegisterName") === "ja";
    const lookup = await lookUpForRegistration(
      actor,
      notice.personalNumber,
      useRegisterName ? undefined : { firstName: notice.firstName, lastName: notice.lastName },
    );
    return json({ lookup, errors: {} as Record<string, string>, values: {} as Record<string, string> });
  }
  if (intent === "handled") {
    markNoticeHandled(actor, noticeId);
    return redirect(`/inkorg/${noticeId}`);
  }
  const { existingYouthId, notice } = readNotice(actor, noticeId);
  if (existingYouthId || notice.kind === "started") {
    const form = await parseForm(request, receiveCaseworkerSchema);
    if (!form.ok) return invalid(form.errors, form.values);
    const result = receiveNotice(actor, noticeId, null, form.data.caseworkerMembershipId);
    if (!result.ok) return invalid(result.errors);
    return redirect(result.youthId ? `/ungdomar/${result.youthId}` : `/inkorg/${noticeId}`);
  }
  const form = await parseForm(request, receiveWithNewYouthSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const { caseworkerMembershipId, ...identity } = form.data;
  const result = receiveNotice(actor, noticeId, await withRegisterProtection(actor, identity), caseworkerMembershipId);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/ungdomar/${result.youthId}`);
}

export default function NoticePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { notice } = data;
  const lookup = actionData && "lookup" in actionData ? actionData.lookup : null;
  const posted = actionData && "values" in actionData ? actionData.values : {};
  const defaults = {
    personalNumber: notice.personalNumber,
    firstName: notice.firstName,
    lastName: notice.lastName,
    homeMunicipalityId: String(notice.homeMunicipalityId),
    caseworkerMembershipId: data.receiver,
    ...(lookup?.values ?? {}),
    ...posted,
    ...(posted && "firstName" in posted ? { protectedIdentity: posted.protectedIdentity === "on" } : {}),
  };
  const canCreate = notice.status === "sent" && !data.existingYouthId && notice.kind !== "started";
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/inkorg">Inkorg</Link>
      </p>
      <h1>
        {NOTICE_KIND_LABELS[notice.kind]}: {notice.name}
      </h1>
      <section aria-labelledby="anmalan" className="card">
        <h2 id="anmalan">Anmälan</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd>{NOTICE_STATUS_LABELS[notice.status]}</dd>
          <dt>Personnummer</dt>
          <dd>{notice.personalNumber}</dd>
          {notice.kind === "moved" ? (
            <>
              <dt>Från</dt>
              <dd>{data.schoolName}</dd>
            </>
          ) : (
            <>
              <dt>Skola</dt>
              <dd>
                {data.schoolName} ({data.schoolOrganiserKind === "fristaende" ? "fristående" : "kommunal"} huvudman: {data.schoolOrganiserName})
              </dd>
            </>
          )}
          <dt>Program</dt>
          <dd>{notice.programme}</dd>
          <dt>Händelsedatum</dt>
          <dd>{notice.eventDate}</dd>
          <dt>Orsak</dt>
          <dd>{notice.reason ?? "–"}</dd>
          <dt>Kontaktperson</dt>
          <dd>{[notice.contactName, notice.contactPhone, notice.contactEmail].filter(Boolean).join(", ")}</dd>
          <dt>Inkom</dt>
          <dd>{formatDateTime(notice.createdAt)}</dd>
          <dt>Hemkommun</dt>
          <dd>{data.municipalityName}</dd>
        </dl>
      </section>
      {notice.status !== "sent" ? (
        <section aria-labelledby="mottagen" className="card">
          <h2 id="mottagen">Mottagen</h2>
          <p>
            Anmälan togs emot {notice.receivedAt ? formatDateTime(notice.receivedAt) : ""}.{" "}
            {notice.youthId ? <Link to={`/ungdomar/${notice.youthId}`}>Öppna ungdomen</Link> : "Ingen inskrivning behövdes."}
          </p>
          {notice.status === "received" ? (
            <Form method="post">
              <button type="submit" className="button button--secondary" name="intent" value="handled">
                Markera som hanterad
              </button>
            </Form>
          ) : null}
        </section>
      ) : data.existingYouthId || notice.kind === "started" ? (
        <section aria-labelledby="ta-emot" className="card">
          <h2 id="ta-emot">Ta emot</h2>
          <p>
            {data.existingYouthId
              ? "Ungdomen finns redan i registret. Anmälan kopplas till ungdomen, och en inskrivning öppnas om ingen är öppen."
              : "Ungdomen har påbörjat studier och finns inte i registret. Ingen inskrivning behövs."}
          </p>
          <ReceiveExisting
            staff={notice.kind === "started" ? null : data.staff}
            receiver={data.receiver}
            label={data.existingYouthId ? "Ta emot och koppla till ungdomen" : "Ta emot"}
            errors={actionData?.errors}
          />
        </section>
      ) : null}
      {canCreate ? (
        <ReceiveWithNewYouth
          key={JSON.stringify(defaults)}
          defaults={defaults}
          lookup={lookup}
          noticeName={{ firstName: notice.firstName, lastName: notice.lastName }}
          municipalities={data.municipalities}
          staff={data.staff}
          errors={actionData?.errors}
        />
      ) : null}
    </>
  );
}

const CASEWORKER_HINT = "Du blir handläggare för inskrivningen om du inte väljer någon annan.";

/** Receiving a notice of a youth already in the register (or one who started studies: no enrollment, no caseworker). */
function ReceiveExisting({
  staff,
  receiver,
  label,
  errors,
}: {
  staff: StaffOption[] | null;
  receiver: string;
  label: string;
  errors?: Record<string, string>;
}) {
  const { register, errorFor, formProps, submitting } = useValidatedForm(receiveCaseworkerSchema, {
    defaultValues: { caseworkerMembershipId: receiver },
    serverErrors: errors,
  });
  return (
    <ValidatedForm {...formProps}>
      <ErrorSummary errors={errors} />
      {staff ? (
        <SelectField
          name="caseworkerMembershipId"
          label="Handläggare"
          hint={`${CASEWORKER_HINT} En inskrivning som redan är öppen behåller sin handläggare.`}
          register={register}
          error={errorFor("caseworkerMembershipId")}
          options={staff}
        />
      ) : null}
      <button type="submit" className="button" name="intent" value="receive" disabled={submitting}>
        {label}
      </button>
    </ValidatedForm>
  );
}

function ReceiveWithNewYouth({
  defaults,
  lookup,
  noticeName,
  municipalities,
  staff,
  errors,
}: {
  defaults: Record<string, unknown>;
  lookup: LookupView | null;
  noticeName: { firstName: string; lastName: string };
  municipalities: { id: number; name: string }[];
  staff: StaffOption[];
  errors?: Record<string, string>;
}) {
  const { register, errorFor, formProps, submitting } = useValidatedForm(receiveWithNewYouthSchema, { defaultValues: defaults, serverErrors: errors });
  return (
    <section aria-labelledby="registrera" className="card">
      <h2 id="registrera">Ta emot och registrera ungdomen</h2>
      <p>Ungdomen finns inte i registret. Kontrollera uppgifterna mot folkbokföringen; en inskrivning öppnas med anmälan som orsak.</p>
      <Form method="post">
        <button type="submit" className="button button--secondary" name="intent" value="lookup">
          Hämta uppgifter från folkbokföringen
        </button>
      </Form>
      {lookup ? <PopulationLookupResult lookup={lookup} formName={noticeName} /> : null}
      <ErrorSummary errors={errors} />
      <ValidatedForm {...formProps}>
        <input type="hidden" {...register("personalNumber")} />
        <YouthIdentityFields register={register} errorFor={errorFor} municipalities={municipalities} addressEditable={!lookup?.protectedIdentity} />
        <SelectField
          name="caseworkerMembershipId"
          label="Handläggare"
          hint={CASEWORKER_HINT}
          register={register}
          error={errorFor("caseworkerMembershipId")}
          options={staff}
        />
        <button type="submit" className="button" name="intent" value="receive" disabled={submitting}>
          Registrera ungdomen och ta emot anmälan
        </button>
      </ValidatedForm>
    </section>
  );
}
