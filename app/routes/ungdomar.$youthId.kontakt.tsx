import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, SelectField, TextField, useValidatedForm, optionsOf } from "~/components/form";
import { todayIso } from "~/lib/dates";
import { invalid, parseForm } from "~/lib/form.server";
import { recordContactAttempt } from "~/modules/outreach/contacts.server";
import { openEnrollmentOf } from "~/modules/outreach/enrollments.server";
import { readYouthFile } from "~/modules/youth/youth-file.server";
import { requireActor } from "~/modules/auth/actor.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { CHANNEL_LABELS, OCCUPATION_LABELS, OUTCOME_LABELS, TARGET_LABELS } from "~/modules/outreach/labels";
import { contactAttemptSchema } from "~/modules/outreach/outreach-schemas";

export const meta: MetaFunction = () => [{ title: "Registrera kontaktförsök – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity", "enrollment"], registerKeeperOnly: true });
  const youth = readYouthFile(file);
  const open = openEnrollmentOf(file);
  return {
    youthId: youth.id,
    name: `${youth.firstName} ${youth.lastName}`,
    hasOpenEnrollment: Boolean(open),
    hasGuardian: youth.guardians.length > 0,
    today: todayIso(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await parseForm(request, contactAttemptSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = recordContactAttempt(openYouthFile(actor, params.youthId ?? "", { write: ["contacts", "enrollment"] }), form.data);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/ungdomar/${params.youthId}#kontakter`);
}

export default function RecordContact() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(contactAttemptSchema, {
    defaultValues: actionData?.values ?? { date: data.today, target: "youth" },
    serverErrors: actionData?.errors,
  });
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/ungdomar/${data.youthId}`}>Tillbaka till {data.name}</Link>
      </p>
      <h1>Registrera kontaktförsök</h1>
      {!data.hasOpenEnrollment ? (
        <p className="alert alert--warning">Ungdomen har ingen öppen inskrivning. Öppna en inskrivning innan du registrerar kontakter.</p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <SelectField {...field("channel")} label="Kontaktsätt" required options={optionsOf(CHANNEL_LABELS)} hint="Ett hembesök görs alltid av två personal." />
        <SelectField
          {...field("target")}
          label="Kontakten gällde"
          required
          options={optionsOf(data.hasGuardian ? TARGET_LABELS : { youth: TARGET_LABELS.youth })}
        />
        <TextField {...field("date")} label="Datum" type="date" required />
        <SelectField {...field("outcome")} label="Utfall" required options={optionsOf(OUTCOME_LABELS)} />
        <SelectField
          {...field("occupation")}
          label="Sysselsättning vid kontakten"
          options={optionsOf(OCCUPATION_LABELS)}
          hint="Krävs när ni fick kontakt. Rapporteras till SCB."
        />
        <TextField
          {...field("occupationNote")}
          label="Sysselsättning, kort beskrivning (frivilligt)"
          hint="Till exempel vilken utbildning eller vilket arbete. Inga känsliga uppgifter."
        />
        <TextField {...field("secondStaff")} label="Med vid hembesöket (den andra personalen)" />
        <TextField {...field("note")} label="Kort anteckning (frivilligt)" hint="Skriv inga känsliga uppgifter som hälsa eller familjeförhållanden." />
        <button type="submit" className="button" disabled={submitting}>
          Registrera kontaktförsöket
        </button>
      </Form>
    </div>
  );
}
