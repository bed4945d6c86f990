import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { safeRedirect } from "~/lib/form.server";
import { optionalCitizen } from "~/modules/auth/citizen.server";
import { brokerLogoutLocation } from "~/modules/auth/citizen-flow.server";
import { CITIZEN_REFUSALS, citizenHome, isCitizenRefusal } from "~/modules/auth/citizen-sign-in.server";

export const meta: MetaFunction = () => [{ title: "Logga in på Mina sidor – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const redirectTo = safeRedirect(params.get("redirectTo"), "");
  const refusal = params.get("nekad");
  const signedOut = params.get("utloggad") === "1";
  const citizen = await optionalCitizen(request);
  if (citizen && !signedOut && !refusal) throw redirect(redirectTo.startsWith("/mina-sidor") ? redirectTo : citizenHome(citizen.relations));
  return {
    startHref: `/mina-sidor/logga-in/start${redirectTo.startsWith("/mina-sidor") ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`,
    refusal: isCitizenRefusal(refusal) ? CITIZEN_REFUSALS[refusal] : null,
    signedOut: signedOut ? { brokerLogout: await brokerLogoutLocation(request) } : null,
  };
}

export default function CitizenSignIn() {
  const { startHref, refusal, signedOut } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>Mina sidor</h1>
      {refusal ? (
        <div className="alert alert--error" role="alert">
          <p>{refusal}</p>
        </div>
      ) : null}
      {signedOut ? (
        <div className="alert alert--success" role="status">
          <p>
            <strong>Du är utloggad från Mina sidor.</strong>
          </p>
          {signedOut.brokerLogout ? (
            <p>
              Har du loggat in på en dator eller telefon som andra också använder? <a href={signedOut.brokerLogout}>Logga ut från e-legitimationen också</a>.
            </p>
          ) : null}
        </div>
      ) : null}
      <p className="lead">
        Här kan du som får stöd av kommunens aktivitetsansvar (KAA) se din plan, säga vad du tycker om den och bestämma vem som får se dina uppgifter.
      </p>
      <p>KAA hjälper dig som är under 20 år och inte går i gymnasiet att hitta något som passar dig, till exempel studier, praktik eller jobb.</p>
      <p>Är du vårdnadshavare till någon under 18 år som får stöd av KAA, kan du logga in och se en del av det som gäller ditt barn.</p>
      <p>
        <a className="button" href={startHref}>
          Logga in med BankID eller Freja eID
        </a>
      </p>
      <p className="muted">
        Du behöver BankID eller Freja eID på din telefon eller dator. Vi använder ditt personnummer bara för att se vilka uppgifter som gäller dig.
      </p>
      <p className="muted">
        Arbetar du i kommunen, skolan eller hos en samverkanspart? <Link to="/logga-in">Logga in som personal</Link>.
      </p>
    </div>
  );
}
