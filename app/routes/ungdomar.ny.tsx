import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, Form, SelectField, TextField, useValidatedForm } from "~/components/form";
import { ScbRegistrationFields } from "~/components/scb-registration-fields";
import { YouthIdentityFields } from "~/components/youth-identity-fields";
import { invalid, parseForm, readFormData } from "~/lib/form.server";
import { registerYouth } from "~/modules/outreach/enrollments.server";
import { PopulationLookupResult, type LookupView } from "~/components/population-lookup";
import { KAA_ROLES, requireRole } from "~/modules/auth/actor.server";
import { listMunicipalities } from "~/modules/organizations/municipalities.server";
import { START_REASON_LABELS } from "~/modules/outreach/labels";
import { scbAtRegistrationSchema } from "~/modules/outreach/outreach-schemas";
import { lookUpForRegistration, withRegisterProtection } from "~/modules/youth/prefill.server";
import { youthCreateSchema } from "~/modules/youth/youth-schema";

export const meta: MetaFunction = () => [{ title: "Registrera ungdom – Samverkansportalen" }];

// Notices open their own enrollments from the inbox; these are the other ways into the register.
const MANUAL_START_REASONS = ["moved_in", "register_check", "self_referral", "other"] as const;
const registrationSchema = youthCreateSchema
  .and(z.object({ startReason: z.enum(MANUAL_START_REASONS, { error: "Välj hur ungdomen kom till registret." }) }))
  .and(scbAtRegistrationSchema);

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, KAA_ROLES);
  // A KAA unit registers the youths of its own municipality only.
  return { municipalities: listMunicipalities().filter((m) => m.id === actor.municipalityId), ownMunicipalityId: actor.municipalityId };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, KAA_ROLES);
  if ((await readFormData(request.clone())).get("intent") === "lookup") {
    const values = Object.fromEntries([...(await readFormData(request))].filter(([, v]) => typeof v === "string")) as Record<string, string>;
    const lookup = await lookUpForRegistration(actor, values.personalNumber ?? "");
    return json({ ok: false as const, errors: {} as Record<string, string>, values, lookup });
  }
  const form = await parseForm(request, registrationSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const { startReason, registrationReason, lastSchoolOccupation, ...posted } = form.data;
  const result = registerYouth(actor, await withRegisterProtection(actor, posted), startReason, { registrationReason, lastSchoolOccupation });
  if (!result.ok) return invalid(result.errors, { ...form.values, ...(result.existingId ? { existingId: result.existingId } : {}) });
  return redirect(`/ungdomar/${result.id}`);
}

export default function NewYouth() {
  const { municipalities, ownMunicipalityId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lookup = (actionData && "lookup" in actionData ? actionData.lookup : null) as (LookupView & { values: Record<string, unknown> }) | null;
  const values: Record<string, unknown> = { ...(actionData?.values ?? {}) };
  if (actionData?.values) values.protectedIdentity = actionData.values.protectedIdentity === "on";
  if (lookup) Object.assign(values, lookup.values);
  const defaults = { homeMunicipalityId: String(ownMunicipalityId ?? ""), startReason: "other", ...values };
  return (
    <RegistrationForm
      key={JSON.stringify(defaults)}
      defaults={defaults}
      municipalities={municipalities}
      errors={actionData?.errors}
      lookup={lookup}
      existingId={typeof values.existingId === "string" ? values.existingId : undefined}
    />
  );
}

function RegistrationForm({
  defaults,
  municipalities,
  errors,
  lookup,
  existingId,
}: {
  defaults: Record<string, unknown>;
  municipalities: { id: number; name: string }[];
  errors?: Record<string, string>;
  lookup: LookupView | null;
  existingId?: string;
}) {
  const { register, errorFor, formProps, submitting } = useValidatedForm(registrationSchema, { defaultValues: defaults, serverErrors: errors });
  return (
    <div className="narrow">
      <h1>Registrera ungdom</h1>
      <p>
        Registret får bara innehålla namn, personnummer, kontaktuppgifter och sysselsättning (förordning 2006:39). Skriv inga känsliga uppgifter som hälsa eller
        etnicitet.
      </p>
      <ErrorSummary errors={errors} />
      {existingId ? (
        <p className="alert alert--info">
          <Link to={`/ungdomar/${existingId}`}>Öppna ungdomen som redan finns i registret</Link>
        </p>
      ) : null}
      {lookup ? (
        <PopulationLookupResult lookup={lookup} formName={{ firstName: String(defaults.firstName ?? ""), lastName: String(defaults.lastName ?? "") }} />
      ) : null}
      <Form {...formProps}>
        <TextField
          name="personalNumber"
          label="Personnummer eller samordningsnummer"
          hint="10 eller 12 siffror, till exempel 20080412-1234."
          register={register}
          error={errorFor("personalNumber")}
          autoComplete="off"
          inputMode="numeric"
          required
        />
        <button type="submit" className="button button--secondary" name="intent" value="lookup" formNoValidate>
          Hämta uppgifter från folkbokföringen
        </button>
        <YouthIdentityFields register={register} errorFor={errorFor} municipalities={municipalities} addressEditable={!lookup?.protectedIdentity} />
        <SelectField
          name="startReason"
          label="Hur kom ungdomen till registret?"
          register={register}
          error={errorFor("startReason")}
          required
          options={MANUAL_START_REASONS.map((r) => ({ value: r, label: START_REASON_LABELS[r] }))}
        />
        <ScbRegistrationFields
          register={register}
          errorFor={errorFor}
          mayLeaveEmpty
          hints={{
            registrationReason: "Rapporteras till SCB. Lämnar du den tom blir det ”Flyttat till kommunen” för en inflyttad, annars Uppgift saknas.",
            lastSchoolOccupation: "Rapporteras till SCB.",
          }}
        />
        <button type="submit" className="button" name="intent" value="register" disabled={submitting}>
          Registrera ungdomen
        </button>
      </Form>
    </div>
  );
}
