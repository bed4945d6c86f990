import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, useValidatedForm } from "~/components/form";
import { InterventionFields } from "~/components/intervention-fields";
import { addDays, todayIso } from "~/lib/dates";
import { invalid, parseForm } from "~/lib/form.server";
import { addIntervention } from "~/modules/documentation/interventions.server";
import { readPlan } from "~/modules/documentation/plans.server";
import { readReferral } from "~/modules/referrals/referrals.server";
import { readYouthFile } from "~/modules/youth/youth-file.server";
import { requireActor } from "~/modules/auth/actor.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { partnerOrganisations } from "~/modules/organizations/partners.server";
import { listInterventionTypes } from "~/modules/documentation/intervention-types.server";
import { interventionSchema } from "~/modules/documentation/plan-schemas";

export const meta: MetaFunction = () => [{ title: "Lägg till insats – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity", "plan"], registerKeeperOnly: true });
  const youth = readYouthFile(file);
  const { enrollment } = readPlan(file);
  const today = todayIso();
  const fromReferral = referralDefaults(actor, youth.id, new URL(request.url).searchParams.get("remiss"));
  return {
    youthId: youth.id,
    name: `${youth.firstName} ${youth.lastName}`,
    hasOpenEnrollment: Boolean(enrollment && !enrollment.endDate),
    types: listInterventionTypes(actor, { activeOnly: true }),
    organisations: partnerOrganisations(actor.municipalityId!),
    fromReferral: fromReferral ? { id: fromReferral.referralId, recipient: fromReferral.recipientName } : null,
    defaults: {
      startDate: today,
      plannedEndDate: addDays(today, 90),
      followUpDate: addDays(today, 30),
      responsibleUnit: "KAA-enheten",
      ...fromReferral?.values,
    },
  };
}

/** An accepted referral's intervention, offered as another actor's insats in the plan. */
function referralDefaults(actor: Awaited<ReturnType<typeof requireActor>>, youthId: string, param: string | null) {
  const id = Number(param);
  if (!param || !Number.isInteger(id) || id <= 0) return null;
  const read = readReferral(actor, id);
  if (!read.available || read.side !== "sender" || read.referral.youthId !== youthId) return null;
  const r = read.referral;
  if (r.status !== "accepted" && r.status !== "closed") return null;
  return {
    referralId: r.id,
    recipientName: r.recipientName,
    values: {
      referralId: String(r.id),
      responsibleParty: "other_actor",
      responsibleOrganisationId: String(r.recipientOrganisationId),
      description: r.acceptedIntervention ?? "",
      ...(r.acceptedStartDate ? { startDate: r.acceptedStartDate } : {}),
      ...(r.acceptedEndDate ? { plannedEndDate: r.acceptedEndDate } : {}),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await parseForm(request, interventionSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = addIntervention(openYouthFile(actor, params.youthId ?? "", { write: ["plan"] }), form.data);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/ungdomar/${params.youthId}/plan#insatser`);
}

export default function NewIntervention() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(interventionSchema, {
    defaultValues: actionData?.values ?? data.defaults,
    serverErrors: actionData?.errors,
  });
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/ungdomar/${data.youthId}/plan`}>Tillbaka till planen för {data.name}</Link>
      </p>
      <h1>Lägg till insats</h1>
      {!data.hasOpenEnrollment ? (
        <p className="alert alert--warning">Ungdomen har ingen öppen inskrivning. Insatser läggs till på en öppen inskrivning.</p>
      ) : null}
      {data.fromReferral ? (
        <p className="alert alert--info">
          Insatsen som {data.fromReferral.recipient} tog på sig i remiss {data.fromReferral.id}. Den läggs in som en annan aktörs insats och kopplas till
          remissen.
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        {data.fromReferral ? <input type="hidden" name="referralId" value={data.fromReferral.id} /> : null}
        <InterventionFields register={register} errorFor={errorFor} types={data.types} organisations={data.organisations} followUpLabel="Första uppföljning" />
        <button type="submit" className="button" disabled={submitting || !data.hasOpenEnrollment}>
          Lägg till insatsen
        </button>
      </Form>
    </div>
  );
}
