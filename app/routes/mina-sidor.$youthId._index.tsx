/**
 * /mina-sidor/:youthId: the youth's (or the guardian's child's) start page on Mina sidor. Who the contact
 * person at KAA is and how to reach the unit, what KAA is, and the way to the plan, the consents and the
 * registerutdrag (the youth's own copy of everything the portal holds; not for a guardian).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { openOwnFile } from "~/modules/access/own-file.server";
import { requireCitizen } from "~/modules/auth/citizen.server";
import { genitive, longDate } from "~/modules/documentation/youth-view";
import { contactPersonOf } from "~/modules/outreach/contact-person.server";

export const meta: MetaFunction = () => [{ title: "Mina sidor – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request);
  const file = openOwnFile(citizen, params.youthId ?? "", { read: ["identity", "enrollment"] });
  const contact = contactPersonOf(file);
  return {
    youthId: file.id,
    self: file.relation === "self",
    firstName: file.youth.firstName,
    lastName: file.youth.lastName,
    severalFiles: citizen.relations.length > 1,
    enrolledSince: contact.enrolledSince ? longDate(contact.enrolledSince) : null,
    caseworker: contact.caseworker,
    unit: contact.unit,
  };
}

export default function MyPagesOverview() {
  const data = useLoaderData<typeof loader>();
  const base = `/mina-sidor/${data.youthId}`;
  return (
    <div className="my-pages">
      {data.severalFiles ? (
        <p className="breadcrumbs">
          <Link to="/mina-sidor">Välj någon annan</Link>
        </p>
      ) : null}
      <h1>{data.self ? `Hej ${data.firstName}!` : `${data.firstName} ${data.lastName}`}</h1>
      <section aria-labelledby="kaa-rubrik" className="card">
        <h2 id="kaa-rubrik">Vad är KAA?</h2>
        <p>
          KAA betyder kommunens aktivitetsansvar. Kommunen håller kontakt med unga under 20 år som inte går i gymnasiet och hjälper dem att hitta något som
          passar, till exempel skola, praktik eller jobb.
        </p>
        {data.enrolledSince ? (
          <p>
            {data.self ? "Du" : data.firstName} har haft kontakt med KAA sedan {data.enrolledSince}.
          </p>
        ) : null}
      </section>
      <nav aria-label="Mina sidor" className="my-pages__links">
        <ul>
          <li>
            <Link to={`${base}/plan`}>{data.self ? "Din plan" : `${genitive(data.firstName)} plan`}</Link>
            <span className="block muted">Målet, vad som ska göras och när ni ses nästa gång.</span>
          </li>
          <li>
            <Link to={`${base}/samtycken`}>{data.self ? "Dina samtycken" : "Samtycken"}</Link>
            <span className="block muted">Vilka andra som får se uppgifter, och hur man säger nej.</span>
          </li>
          {data.self ? (
            <li>
              <Link to={`${base}/registerutdrag`}>Allt vi har sparat om dig</Link>
              <span className="block muted">Ett registerutdrag: alla uppgifter och vem som har läst dem.</span>
            </li>
          ) : null}
        </ul>
      </nav>
      <section aria-labelledby="kontakt-rubrik" className="card">
        <h2 id="kontakt-rubrik">{data.self ? "Din kontaktperson" : "Kontaktperson"}</h2>
        {data.caseworker ? (
          <p>
            {data.caseworker.name}
            <br />
            <a href={`mailto:${data.caseworker.email}`}>{data.caseworker.email}</a>
          </p>
        ) : (
          <p>Ingen kontaktperson är utsedd just nu. Kontakta KAA på det sätt som står här nedanför.</p>
        )}
        {data.unit ? <UnitContact unit={data.unit} /> : null}
      </section>
    </div>
  );
}

function UnitContact({ unit }: { unit: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["unit"]> }) {
  const d = unit.details;
  return (
    <>
      <h3>{unit.name}</h3>
      {d ? (
        <dl className="facts">
          <dt>Telefon</dt>
          <dd>
            <a href={`tel:${d.phone.replace(/[\s-]/g, "")}`}>{d.phone}</a>
          </dd>
          <dt>Sms</dt>
          <dd>{d.sms}</dd>
          <dt>E-post</dt>
          <dd>
            <a href={`mailto:${d.email}`}>{d.email}</a>
          </dd>
          <dt>Besöksadress</dt>
          <dd>
            {d.streetAddress}, {d.postalCode} {d.city}
          </dd>
          <dt>Öppettider</dt>
          <dd>{d.openingHours}</dd>
        </dl>
      ) : null}
    </>
  );
}
