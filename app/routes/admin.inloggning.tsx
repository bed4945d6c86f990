import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { IdentityProviderForm, type ProviderFormDefaults } from "~/components/auth/identity-provider-form";
import type { IntentResult } from "~/components/intent-form";
import { withoutSecret } from "~/components/school-system-fields";
import { Table } from "~/components/table";
import { formatDateTime } from "~/lib/format";
import { doneFor, invalidFor, parseForm } from "~/lib/form.server";
import { requireRole } from "~/modules/auth/actor.server";
import { portalMunicipalities, providersForAdmin, saveIdentityProvider, testIdentityProvider } from "~/modules/auth/identity-provider-admin.server";
import { identityProviderSchema } from "~/modules/auth/identity-provider-schemas";
import { redirectUriFor } from "~/modules/auth/oidc-flow.server";
import { refusalLabel } from "~/modules/auth/sign-in-labels";
import { recentRefusals } from "~/modules/auth/sign-in-events.server";
import { portalOrigin } from "~/modules/security/origin.server";

export const meta: MetaFunction = () => [{ title: "Inloggning – Samverkansportalen" }];

const PERSONAL_NUMBER_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  const params = new URL(request.url).searchParams;
  const providers = providersForAdmin();
  const editing = providers.find((p) => String(p.id) === params.get("andra")) ?? null;
  const newKind = params.get("ny") === "e-legitimation" ? "citizen" : "staff";
  const origin = portalOrigin(request);
  return {
    providers,
    editing,
    newKind: editing ? editing.purpose : newKind,
    municipalities: portalMunicipalities(),
    redirectUris: { staff: redirectUriFor(origin, "staff"), citizen: redirectUriFor(origin, "citizen") },
    refusals: recentRefusals(50),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["system_admin"]);
  const intent = new URL(request.url).searchParams.get("atgard");
  const form = await parseForm(request, identityProviderSchema);
  if (!form.ok) return invalidFor("provider", form.errors, withoutSecret(form.values));
  if (intent === "testa") {
    const tested = await testIdentityProvider(form.data);
    return json<IntentResult>({
      intent: "provider",
      ok: false,
      message: tested.message,
      errors: {},
      values: withoutSecret(form.values) as IntentResult["values"],
    });
  }
  if (intent !== "spara") return json({ message: "Okänd åtgärd." }, { status: 400 });
  const saved = saveIdentityProvider(actor, form.data);
  if (!saved.ok) return invalidFor("provider", saved.errors, withoutSecret(form.values));
  return doneFor("provider", "Inloggningstjänsten är sparad.");
}

export default function SignInSettings() {
  const { providers, editing, newKind, municipalities, redirectUris, refusals } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as IntentResult | undefined;
  const defaults: ProviderFormDefaults = editing
    ? {
        id: String(editing.id),
        purpose: editing.purpose,
        municipalityId: String(editing.municipalityId ?? ""),
        displayName: editing.displayName,
        issuer: editing.issuer,
        clientId: editing.clientId,
        matchClaim: editing.matchClaim,
        personalNumberClaim: editing.personalNumberClaim,
        enabled: editing.enabled,
      }
    : {
        id: "",
        purpose: newKind,
        municipalityId: "",
        displayName: "",
        issuer: "",
        clientId: "",
        matchClaim: "sub",
        personalNumberClaim: PERSONAL_NUMBER_CLAIM,
        enabled: true,
      };
  const hasBroker = providers.some((p) => p.purpose === "citizen");
  return (
    <div>
      <h1>Inloggning</h1>
      <p className="lead">
        Personal loggar in med sin kommuns inloggningstjänst (OpenID Connect, till exempel Entra ID, ADFS eller Keycloak). Ungdomar och vårdnadshavare loggar in
        med e-legitimation genom en förmedlingstjänst. Portalen skapar aldrig konton själv: koppla varje användare under Användare.
      </p>
      <section aria-labelledby="tjanster">
        <h2 id="tjanster">Inloggningstjänster</h2>
        <div className="table-wrap">
          <Table>
            <caption className="visually-hidden">Inloggningstjänster</caption>
            <thead>
              <tr>
                {["Namn", "Gäller", "Utfärdare", "Klient-id", "Koppling", "Status"].map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Åtgärd</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {providers.map((p) => (
                <tr key={p.id}>
                  <td>{p.displayName}</td>
                  <td>{p.purpose === "staff" ? p.municipalityName : "Ungdomar och vårdnadshavare"}</td>
                  <td>{p.issuer}</td>
                  <td>{p.clientId}</td>
                  <td>{p.purpose === "staff" ? p.matchClaim : "personnummer"}</td>
                  <td>{p.enabled ? "Aktiv" : "Avstängd"}</td>
                  <td>
                    <Link to={`?andra=${p.id}`}>
                      Ändra<span className="visually-hidden"> {p.displayName}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        <p className="button-row">
          <Link to="?ny=kommun">Lägg till en kommuns inloggning</Link>
          {hasBroker ? null : <Link to="?ny=e-legitimation">Lägg till e-legitimation</Link>}
        </p>
      </section>
      <section aria-labelledby="installningar" className="card narrow">
        <h2 id="installningar">{editing ? `Ändra ${editing.displayName}` : newKind === "citizen" ? "Ny e-legitimation" : "Ny kommunal inloggning"}</h2>
        {actionData?.message ? (
          <p className={`alert ${actionData.ok ? "alert--success" : "alert--info"}`} role="status">
            {actionData.message}
          </p>
        ) : null}
        <p>
          Registrera den här returadressen (redirect URI) hos tjänsten: <code>{newKind === "citizen" ? redirectUris.citizen : redirectUris.staff}</code>
        </p>
        <IdentityProviderForm
          key={editing?.id ?? newKind}
          actionData={actionData}
          defaults={defaults}
          municipalities={editing ? null : municipalities}
          hasSecret={Boolean(editing)}
        />
      </section>
      <section aria-labelledby="nekade">
        <h2 id="nekade">Senaste nekade inloggningar</h2>
        {refusals.length === 0 ? (
          <p>Inga nekade inloggningar.</p>
        ) : (
          <div className="table-wrap">
            <Table>
              <caption className="visually-hidden">Senaste nekade inloggningar</caption>
              <thead>
                <tr>
                  {["Tid", "Tjänst", "Skäl", "Uppgift från tjänsten", "Adress"].map((h) => (
                    <th scope="col" key={h}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {refusals.map((r) => (
                  <tr key={r.id}>
                    <td>{formatDateTime(r.at)}</td>
                    <td>{r.provider}</td>
                    <td>{refusalLabel(r.reason)}</td>
                    <td>{r.detail}</td>
                    <td>{r.address}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>
    </div>
  );
}
