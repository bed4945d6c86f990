import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, SelectField, TextAreaField, TextField, useValidatedForm } from "~/components/form";
import { todayIso } from "~/lib/dates";
import { invalid, parseForm } from "~/lib/form.server";
import { fileConcernReport, fileNamedConcernReport, socialServicesOf } from "~/modules/concern-reports/concern-reports.server";
import { mayReportConcern } from "~/modules/access/policy";
import { openYouthFile } from "~/modules/access/gate.server";
import { ageOn } from "~/modules/youth/personal-number";
import { requireActor, type Actor } from "~/modules/auth/actor.server";
import { forbidden } from "~/lib/http";
import { listMunicipalities } from "~/modules/organizations/municipalities.server";
import { namedConcernReportSchema, registeredConcernReportSchema } from "~/modules/concern-reports/concern-report-schemas";

export const meta: MetaFunction = () => [{ title: "Orosanmälan – Samverkansportalen" }];

const MAY_NOT_REPORT = "Orosanmälan görs här av KAA-enhetens och skolornas personal.";

/** The youth from the KAA register (`?ungdom=<id>`), or none: then the reporter names the pupil. */
function registeredYouthId(request: Request) {
  return new URL(request.url).searchParams.get("ungdom") ?? null;
}

/** A youth of the KAA unit's own register: the report takes name and number from there. */
function registeredFile(actor: Actor, youthId: string) {
  return openYouthFile(actor, youthId, { read: ["identity"], registerKeeperOnly: true });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!mayReportConcern(actor)) throw forbidden(MAY_NOT_REPORT);
  const youthId = registeredYouthId(request);
  const youth = youthId ? registeredFile(actor, youthId).youth : null;
  return {
    youth: youth ? { id: youth.id, name: `${youth.firstName} ${youth.lastName}`, age: ageOn(youth.birthDate, todayIso()) } : null,
    recipients: youth ? socialServicesOf(actor.municipalityId!) : [],
    municipalities: listMunicipalities(),
    today: todayIso(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  if (!mayReportConcern(actor)) throw forbidden(MAY_NOT_REPORT);
  const youthId = registeredYouthId(request);
  if (youthId) {
    const form = await parseForm(request, registeredConcernReportSchema);
    if (!form.ok) return invalid(form.errors, form.values);
    const result = fileConcernReport(registeredFile(actor, youthId), form.data);
    if (!result.ok) return invalid(result.errors, form.values);
    return redirect(`/orosanmalningar/${result.id}`);
  }
  const form = await parseForm(request, namedConcernReportSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const { personalNumber, firstName, lastName, homeMunicipalityId, ...report } = form.data;
  const result = fileNamedConcernReport(actor, { personalNumber, firstName, lastName, homeMunicipalityId }, report);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/orosanmalningar/${result.id}`);
}

export default function NewConcernReport() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = data.youth ? registeredConcernReportSchema : namedConcernReportSchema;
  const { register, errorFor, formProps, submitting } = useValidatedForm(schema, {
    defaultValues: actionData?.values ?? { observedWhen: data.today },
    serverErrors: actionData?.errors,
  });
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        {data.youth ? <Link to={`/ungdomar/${data.youth.id}`}>Tillbaka till {data.youth.name}</Link> : <Link to="/orosanmalningar">Orosanmälningar</Link>}
      </p>
      <h1>Orosanmälan till socialtjänsten</h1>
      <div className="alert alert--info">
        <p>
          Den som arbetar med barn är skyldig att genast anmäla till socialtjänsten om ett barn under 18 år kan behöva skydd eller stöd (socialtjänstlagen 14
          kap. 1 §). Anmälan kräver inget samtycke. Den går till socialtjänsten i barnets hemkommun och öppnar inga andra uppgifter om ungdomen.
        </p>
        <p>Är det akut – ring 112 eller socialjouren.</p>
      </div>
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        {data.youth ? (
          <p>
            Anmälan gäller <strong>{data.youth.name}</strong>, {data.youth.age} år.
          </p>
        ) : (
          <fieldset>
            <legend>Barnet anmälan gäller</legend>
            <TextField {...field("personalNumber")} label="Personnummer eller samordningsnummer" required autoComplete="off" />
            <TextField {...field("firstName")} label="Förnamn" required autoComplete="off" />
            <TextField {...field("lastName")} label="Efternamn" required autoComplete="off" />
            <SelectField
              {...field("homeMunicipalityId")}
              label="Barnets hemkommun (folkbokföringskommun)"
              required
              options={data.municipalities.map((m) => ({ value: String(m.id), label: m.name }))}
            />
          </fieldset>
        )}
        {data.recipients.length > 1 ? (
          <SelectField
            {...field("recipientOrganisationId")}
            label="Socialtjänst"
            required
            options={data.recipients.map((r) => ({ value: String(r.id), label: r.name }))}
          />
        ) : null}
        <TextAreaField
          {...field("observed")}
          label="Vad har du sett, hört eller fått veta?"
          required
          maxLength={1500}
          rows={6}
          hint="Beskriv det du iakttagit så konkret som möjligt. Du behöver inte vara säker på att barnet far illa."
        />
        <TextField {...field("observedWhen")} label="När iakttogs det?" type="date" required />
        <TextField {...field("reporterPhone")} label="Telefon där socialtjänsten når dig" type="tel" />
        <button type="submit" className="button" disabled={submitting}>
          Skicka orosanmälan
        </button>
      </Form>
    </div>
  );
}
