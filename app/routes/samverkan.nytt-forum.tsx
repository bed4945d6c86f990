import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, SelectField, TextField, useValidatedForm, TextAreaField, optionsOf } from "~/components/form";
import { CheckboxList, listValue } from "~/components/meetings/fields";
import { invalid, parseForm } from "~/lib/form.server";
import { forbidden } from "~/lib/http";
import { requireRole } from "~/modules/auth/actor.server";
import { forumCreateSchema } from "~/modules/meetings/forum-schemas";
import { activeMembershipsIn, createForum, isForumAdministrator, organisationsOfMunicipality } from "~/modules/meetings/forums.server";
import { FORUM_KIND_LABELS, RHYTHM_LABELS } from "~/modules/meetings/labels";

export const meta: MetaFunction = () => [{ title: "Skapa forum – Samverkansportalen" }];

async function requireAdministrator(request: Request) {
  const actor = await requireRole(request, ["kaa_coordinator"]);
  if (actor.municipalityId === null || !isForumAdministrator(actor, actor.municipalityId)) throw forbidden();
  return { actor, municipalityId: actor.municipalityId };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, municipalityId } = await requireAdministrator(request);
  const organisations = organisationsOfMunicipality(municipalityId);
  return {
    municipalityName: actor.municipalityName,
    organisations,
    people: activeMembershipsIn(organisations.map((o) => o.id)),
    ownOrganisationId: String(actor.organisationId),
    ownMembershipId: String(actor.membershipId),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireAdministrator(request);
  const form = await parseForm(request, forumCreateSchema, { lists: ["organisationIds"] });
  if (!form.ok) return invalid(form.errors, form.values);
  const result = createForum(actor, form.data);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/samverkan/forum/${result.id}/medlemmar`);
}

export default function NewForum() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(forumCreateSchema, {
    defaultValues: actionData?.values ?? { rhythm: "monthly", chairMembershipId: data.ownMembershipId },
    serverErrors: actionData?.errors,
  });
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to="/samverkan">Samverkan</Link>
      </p>
      <h1>Skapa forum</h1>
      <p>Ett forum i {data.municipalityName}: en styrgrupp, ett samverkansforum, en arbetsgrupp eller ett annat återkommande möte.</p>
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <TextField {...field("name")} label="Namn" required />
        <SelectField {...field("kind")} label="Typ av forum" required options={optionsOf(FORUM_KIND_LABELS)} />
        <TextAreaField
          {...field("purpose")}
          label="Syfte och uppdrag"
          required
          hint="Till exempel: förbereder frågor till styrgruppen och reviderar handlingsplanen årligen."
        />
        <SelectField {...field("rhythm")} label="Mötesrytm" required options={optionsOf(RHYTHM_LABELS)} />
        <TextField {...field("rhythmNote")} label="Mötestider (frivilligt)" hint="Till exempel: tisdagar jämna veckor kl. 13–15." />
        <TextField {...field("defaultPlace")} label="Vanlig mötesplats (frivilligt)" />
        <SelectField
          {...field("chairMembershipId")}
          label="Ordförande"
          required
          options={data.people.map((p) => ({ value: String(p.membershipId), label: `${p.displayName} (${p.organisationName})` }))}
        />
        <CheckboxList
          name="organisationIds"
          legend="Medlemsorganisationer"
          hint="Ordförandens organisation tas alltid med. Fler medlemmar läggs till när forumet är skapat."
          options={data.organisations.map((o) => ({ value: o.id, label: o.name }))}
          checked={listValue(actionData?.values, "organisationIds", [data.ownOrganisationId])}
          error={actionData?.errors.organisationIds}
        />
        <button type="submit" className="button" disabled={submitting}>
          Skapa forumet
        </button>
      </Form>
    </div>
  );
}
