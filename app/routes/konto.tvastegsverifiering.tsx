import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { IntentResult } from "~/components/intent-form";
import { PasskeyRegister } from "~/components/mfa/passkey-register";
import { RecoveryCodesShown } from "~/components/mfa/recovery-codes";
import { TotpEnrolment, type TotpEnrolmentData } from "~/components/mfa/totp-enrolment";
import { formatDateTime } from "~/lib/format";
import { doneFor, invalidFor, parseForm, readFormData } from "~/lib/form.server";
import { MY_PAGES, requireUser } from "~/modules/auth/actor.server";
import { accountMfa, deletePasskey, regenerateRecoveryCodes, turnOffTotp } from "~/modules/auth/mfa-account.server";
import { addPasskey, confirmTotpOnAccountPage, startTotpEnrolment, totpEnrolmentInProgress } from "~/modules/auth/mfa-enrolment.server";
import { RECOVERY_CODES_LOW } from "~/modules/auth/mfa-policy";
import { passkeyRegistrationSchema, totpConfirmSchema } from "~/modules/auth/mfa-schemas";
import { passkeyRegistrationOptions } from "~/modules/auth/passkeys.server";
import { FACTOR_ERRORS } from "~/modules/auth/second-factor.server";
import { markReauthenticated, type Authenticated } from "~/modules/auth/session.server";
import { requireRecentAuthentication } from "~/modules/auth/step-up.server";

export const meta: MetaFunction = () => [{ title: "Tvåstegsverifiering – Samverkansportalen" }];

const PAGE = "/konto/tvastegsverifiering";

async function requireStaff(request: Request): Promise<Authenticated> {
  const auth = await requireUser(request);
  if (auth.user.kind === "citizen") throw redirect(MY_PAGES);
  return auth;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireStaff(request);
  const demanded = new URL(request.url).searchParams.get("krav") === "1";
  return { ...accountMfa(auth.user.id), demanded };
}

type ActionData = IntentResult & { enrolment?: TotpEnrolmentData & { token: string }; codes?: string[] | null };

/** A change to existing factors needs a recent proof of identity: a borrowed session must not swap the factors. */
function requireRecentIfEnrolled(request: Request, auth: Authenticated) {
  const { factors } = accountMfa(auth.user.id);
  if (factors.totp || factors.passkeys > 0) requireRecentAuthentication(request, { kind: "staff", authenticatedAt: auth.session.authenticatedAt }, PAGE);
}

/** The first factor of a password-only session also proves it: the session may then act in its role. */
function upgradeSession(auth: Authenticated, method: "password_totp" | "password_passkey") {
  if (auth.session.authMethod === "password") markReauthenticated(auth.session.id, Date.now(), method);
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireStaff(request);
  const userId = auth.user.id;
  const intent = new URL(request.url).searchParams.get("atgard") ?? "";
  switch (intent) {
    case "app-start": {
      requireRecentIfEnrolled(request, auth);
      const { token, view } = await startTotpEnrolment(auth.user);
      return json({ intent, ok: true, message: "", errors: {}, values: {}, enrolment: { token, ...view } });
    }
    case "app-bekrafta": {
      const form = await parseForm(request, totpConfirmSchema);
      const token = typeof form.values.enrolment === "string" ? form.values.enrolment : "";
      const view = await totpEnrolmentInProgress(auth.user, token);
      if (!view) return invalidFor(intent, { form: "Aktiveringen tog för lång tid. Börja om." });
      const enrolment = { token, ...view };
      if (!form.ok) return json({ intent, ok: false, message: "", errors: form.errors, values: {}, enrolment }, { status: 400 });
      const outcome = confirmTotpOnAccountPage(userId, token, form.data.code);
      if (!outcome.ok) return json({ intent, ok: false, message: "", errors: { code: FACTOR_ERRORS.totp }, values: {}, enrolment }, { status: 400 });
      upgradeSession(auth, "password_totp");
      return json({ intent, ok: true, message: "Appen är kopplad till ditt konto.", errors: {}, values: {}, codes: outcome.codes });
    }
    case "app-av": {
      requireRecentIfEnrolled(request, auth);
      const result = turnOffTotp(userId);
      return result.ok ? doneFor(intent, "Appen är borttagen från ditt konto.") : invalidFor(intent, { form: result.error });
    }
    case "reservkoder-nya": {
      requireRecentIfEnrolled(request, auth);
      const result = regenerateRecoveryCodes(userId);
      if (!result.ok) return invalidFor(intent, { form: result.error });
      return json({ intent, ok: true, message: "Nya reservkoder är skapade. De gamla fungerar inte längre.", errors: {}, values: {}, codes: result.codes });
    }
    case "nyckel-start": {
      requireRecentIfEnrolled(request, auth);
      const { options, token } = await passkeyRegistrationOptions(request, auth.user);
      return json({ intent, ok: true, options, token });
    }
    case "nyckel-registrera": {
      const form = await parseForm(request, passkeyRegistrationSchema);
      if (!form.ok) return invalidFor(intent, { form: form.errors.name ?? "Nyckelns svar kunde inte läsas. Försök igen." });
      const outcome = await addPasskey(request, userId, form.data);
      if (!outcome.ok) return invalidFor(intent, { form: "Nyckeln kunde inte sparas. Försök igen." });
      upgradeSession(auth, "password_passkey");
      return json({ intent, ok: true, message: `Nyckeln ”${form.data.name}” är tillagd.`, errors: {}, values: {}, codes: outcome.codes });
    }
    case "nyckel-ta-bort": {
      requireRecentIfEnrolled(request, auth);
      const id = String((await readFormData(request)).get("credentialId") ?? "");
      const result = deletePasskey(userId, id);
      return result.ok ? doneFor(intent, "Nyckeln är borttagen.") : invalidFor(intent, { form: result.error });
    }
    default:
      return invalidFor(intent, { form: "Okänd åtgärd." });
  }
}

export default function AccountMfa() {
  const { factors, passkeys, required, demanded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const enrolled = factors.totp || factors.passkeys > 0;
  const enrolment = actionData?.enrolment;
  return (
    <div className="narrow">
      <h1>Tvåstegsverifiering</h1>
      {demanded && !enrolled ? (
        <p className="alert alert--info" role="status">
          Din roll ger dig tillgång till uppgifter om ungdomar. Aktivera tvåstegsverifiering för att fortsätta.
        </p>
      ) : null}
      <p>
        När du loggar in med lösenord visar du också att det är du med appen i din telefon eller med en nyckel (passkey).
        {required ? " Ditt konto måste ha tvåstegsverifiering." : null}
      </p>
      {actionData?.message ? (
        <p className={`alert ${actionData.ok ? "alert--success" : "alert--error"}`} role="status">
          {actionData.message}
        </p>
      ) : null}
      {actionData && !actionData.ok && actionData.errors.form ? (
        <p className="alert alert--error" role="alert">
          {actionData.errors.form}
        </p>
      ) : null}
      {actionData?.codes ? <RecoveryCodesShown codes={actionData.codes} /> : null}
      {actionData?.ok && actionData.intent === "app-bekrafta" && demanded ? (
        <p>
          <Link className="button" to="/start">
            Fortsätt till portalen
          </Link>
        </p>
      ) : null}

      {enrolment ? (
        <TotpEnrolment
          enrolment={enrolment}
          action="?atgard=app-bekrafta"
          errors={actionData && !actionData.ok ? actionData.errors : undefined}
          hidden={<input type="hidden" name="enrolment" value={enrolment.token} />}
        />
      ) : null}

      <section aria-labelledby="app" className="card">
        <h2 id="app">Autentiseringsapp</h2>
        <p>{factors.totp ? "Aktiverad." : "Inte aktiverad."}</p>
        <div className="button-row">
          <Form method="post" action="?atgard=app-start">
            <button type="submit" className="button">
              {factors.totp ? "Byt till en ny app" : "Aktivera app"}
            </button>
          </Form>
          {factors.totp ? (
            <Form method="post" action="?atgard=app-av">
              <button type="submit" className="button button--danger">
                Ta bort appen
              </button>
            </Form>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="nycklar" className="card">
        <h2 id="nycklar">Nycklar (passkeys)</h2>
        <p>En nyckel finns i datorn eller telefonen och låses upp med pinkod, fingeravtryck eller ansikte.</p>
        {passkeys.length > 0 ? (
          <ul className="compact-list">
            {passkeys.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong> – tillagd {formatDateTime(new Date(p.createdAt).toISOString())}
                {p.lastUsedAt ? `, senast använd ${formatDateTime(new Date(p.lastUsedAt).toISOString())}` : ", inte använd än"}
                <Form method="post" action="?atgard=nyckel-ta-bort" className="inline-form">
                  <input type="hidden" name="credentialId" value={p.id} />
                  <button type="submit" className="button button--link">
                    Ta bort<span className="visually-hidden"> nyckeln {p.name}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>Inga nycklar.</p>
        )}
        <PasskeyRegister />
      </section>

      <section aria-labelledby="reservkoder" className="card">
        <h2 id="reservkoder">Reservkoder</h2>
        {enrolled ? (
          <>
            <p>{factors.recoveryCodes} av 10 reservkoder kvar. En reservkod fungerar en gång, om du inte har telefonen eller nyckeln med dig.</p>
            {factors.recoveryCodes <= RECOVERY_CODES_LOW ? (
              <p className="alert alert--warning" role="status">
                Du har få reservkoder kvar. Skapa nya och spara dem.
              </p>
            ) : null}
            <Form method="post" action="?atgard=reservkoder-nya">
              <button type="submit" className="button button--secondary">
                Skapa nya reservkoder
              </button>
            </Form>
          </>
        ) : (
          <p>Du får reservkoder när du aktiverar en app eller en nyckel.</p>
        )}
      </section>
    </div>
  );
}
