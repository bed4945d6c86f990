import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { readFormData } from "~/lib/form.server";
import { requireRole } from "~/modules/auth/actor.server";
import { mfaSettings, setMfaForEveryone } from "~/modules/auth/mfa-settings.server";

export const meta: MetaFunction = () => [{ title: "Tvåstegsverifiering – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  return mfaSettings();
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["system_admin"]);
  const on = (await readFormData(request)).get("mfaForEveryone") === "ja";
  setMfaForEveryone(on, actor);
  return json({
    message: on
      ? "Alla konton med lösenord måste nu använda tvåstegsverifiering. Den som saknar det får aktivera det vid nästa sidvisning."
      : "Tvåstegsverifiering krävs nu för roller som arbetar med uppgifter om ungdomar.",
  });
}

export default function AdminMfa() {
  const { mfaForEveryone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>Tvåstegsverifiering</h1>
      {actionData?.message ? (
        <p className="alert alert--success" role="status">
          {actionData.message}
        </p>
      ) : null}
      <p>
        Alla som arbetar med uppgifter om ungdomar och loggar in med lösenord måste använda tvåstegsverifiering: en app i telefonen eller en nyckel (passkey).
        Den som loggar in via kommunens inloggning (SSO) använder kommunens tvåstegsverifiering i stället.
      </p>
      <section aria-labelledby="krav" className="card">
        <h2 id="krav">Krav för alla</h2>
        <p>
          Just nu: <strong>{mfaForEveryone ? "alla konton med lösenord" : "roller som arbetar med uppgifter om ungdomar"}</strong>. Med kravet för alla måste
          också systemförvaltare använda tvåstegsverifiering.
        </p>
        <Form method="post">
          <input type="hidden" name="mfaForEveryone" value={mfaForEveryone ? "nej" : "ja"} />
          <button type="submit" className="button">
            {mfaForEveryone ? "Kräv bara för roller med uppgifter om ungdomar" : "Kräv tvåstegsverifiering för alla"}
          </button>
        </Form>
      </section>
    </div>
  );
}
