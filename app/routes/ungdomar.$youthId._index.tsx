import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";
import { readYouthFile, type Address } from "~/modules/access/youth-file.server";
import { requireActor } from "~/modules/auth/actor.server";

export const meta: MetaFunction = () => [{ title: "Ungdom – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return { youth: readYouthFile(actor, params.youthId ?? "") };
}

/** Showing a protected address is a deliberate act (a POST, never a link), and each showing is logged. */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const youth = readYouthFile(actor, params.youthId ?? "", { revealProtectedAddress: true });
  return { address: youth.address };
}

function AddressView({ address }: { address: Address }) {
  if (address.kind === "protected") {
    return (
      <>
        <span className="badge">Skyddad identitet</span> Adressen visas inte.{" "}
        {address.mayReveal ? (
          <Form method="post" className="inline-form">
            <button type="submit" className="button button--link">
              Visa adressen (visningen loggas)
            </button>
          </Form>
        ) : (
          "Bara KAA-samordnaren kan se den."
        )}
      </>
    );
  }
  const lines = [address.streetAddress, [address.postalCode, address.city].filter(Boolean).join(" ")].filter(Boolean);
  return (
    <>
      {address.kind === "protected_revealed" ? <p className="alert alert--warning">Skyddad adress – lämna inte ut den. Visningen har loggats.</p> : null}
      {lines.length > 0 ? lines.map((line) => <span key={line} className="block">{line}</span>) : "Ingen adress registrerad"}
    </>
  );
}

export default function YouthPage() {
  const { youth } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/ungdomar">Ungdomsregistret</Link>
      </p>
      <div className="page-heading">
        <h1>
          {youth.firstName} {youth.lastName}
        </h1>
        <Link to={`/ungdomar/${youth.id}/redigera`} className="button button--secondary">
          Ändra uppgifter
        </Link>
      </div>
      <nav aria-label="Avsnitt i ungdomsakten" className="section-nav">
        <ul>
          <li>
            <a href="#identitet">Identitet och kontaktuppgifter</a>
          </li>
          <li>
            <a href="#historik">Ändringshistorik</a>
          </li>
        </ul>
      </nav>
      <section id="identitet" aria-labelledby="identitet-rubrik" className="card">
        <h2 id="identitet-rubrik">Identitet och kontaktuppgifter</h2>
        <dl className="facts">
          <dt>{youth.isCoordinationNumber ? "Samordningsnummer" : "Personnummer"}</dt>
          <dd>{youth.personalNumber}</dd>
          <dt>Ålder</dt>
          <dd>{youth.age} år</dd>
          <dt>Hemkommun</dt>
          <dd>{youth.homeMunicipalityName}</dd>
          <dt>Adress</dt>
          <dd>
            <AddressView address={actionData?.address ?? youth.address} />
          </dd>
          <dt>Telefon</dt>
          <dd>{youth.phone ?? "–"}</dd>
          <dt>E-post</dt>
          <dd>{youth.email ?? "–"}</dd>
        </dl>
        <h3>Vårdnadshavare</h3>
        {youth.guardians.length > 0 ? (
          <ul>
            {youth.guardians.map((g) => (
              <li key={g.name}>
                {g.name}
                {g.phone ? `, tel. ${g.phone}` : ""}
                {g.email ? `, ${g.email}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p>{youth.age < 18 ? "Ingen vårdnadshavare registrerad. Ungdomen är under 18 år – lägg till vårdnadshavare." : "Ingen vårdnadshavare registrerad."}</p>
        )}
      </section>
      <section id="historik" aria-labelledby="historik-rubrik" className="card">
        <h2 id="historik-rubrik">Ändringshistorik</h2>
        <ul>
          {youth.revisions.map((r) => (
            <li key={r.at + r.changedFields}>
              {formatDateTime(r.at)}: {r.changedFields}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
