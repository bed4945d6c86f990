import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { kaaUnitContacts } from "~/modules/outreach/unit-contact.server";

export const meta: MetaFunction = () => [{ title: "Portalen har inga uppgifter om dig – Samverkansportalen" }];

/**
 * Where a person lands whom the portal has nothing to show: no youth with their personnummer in a register,
 * and no child they may see. It says whom to ask, which also answers a request for a registerutdrag here.
 */
export async function loader() {
  return { units: kaaUnitContacts() };
}

export default function NoRecords() {
  const { units } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>Portalen har inga uppgifter om dig</h1>
      <p className="lead">Du har loggat in med e-legitimation, men det finns inget att visa för dig på Mina sidor.</p>
      <p>
        Mina sidor är till för ungdomar som får stöd av kommunens aktivitetsansvar (KAA), och för vårdnadshavare till de ungdomar som är under 18 år. Vi hittade
        ingen ungdom som du kan se uppgifter om här.
      </p>
      <p>Du har inte blivit inloggad, och vi har inte sparat ditt personnummer.</p>
      <h2>Vill du veta mer?</h2>
      <p>
        Du har rätt att få veta vilka uppgifter kommunen har om dig (ett registerutdrag). Kommunen kan till exempel ha fått uppgifter från skolan som inte har
        lagts in här ännu. Hör av dig till KAA i kommunen där du bor:
      </p>
      {units.length > 0 ? (
        <ul>
          {units.map((unit) => (
            <li key={`${unit.municipalityName}-${unit.unitName}`}>
              <strong>{unit.municipalityName}</strong>: {unit.unitName}
              {unit.details ? (
                <>
                  {", "}telefon <a href={`tel:${unit.details.phone.replace(/[^\d+]/g, "")}`}>{unit.details.phone}</a>, e-post{" "}
                  <a href={`mailto:${unit.details.email}`}>{unit.details.email}</a>
                </>
              ) : (
                ", nås via kommunens växel"
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <p>Bor du i en annan kommun? Ring kommunens växel och fråga efter det kommunala aktivitetsansvaret.</p>
      <p>
        <Link to="/mina-sidor/logga-in">Tillbaka till Mina sidor</Link>
      </p>
    </div>
  );
}
