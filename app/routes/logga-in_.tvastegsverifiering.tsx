import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { IntentResult } from "~/components/intent-form";
import { SecondFactorForms } from "~/components/mfa/second-factor-forms";
import { invalidFor } from "~/lib/form.server";
import { factorRefused, readFactorForm } from "~/modules/auth/factor-forms.server";
import { completeSignIn, LOGIN_ERRORS, pendingSignIn } from "~/modules/auth/login.server";
import { recordChallengeFailure } from "~/modules/auth/challenges.server";
import { ACCOUNT_MFA_PAGE, factorsOf } from "~/modules/auth/mfa-settings.server";
import { RECOVERY_CODES_LOW } from "~/modules/auth/mfa-policy";
import { proveSecondFactor } from "~/modules/auth/second-factor.server";
import { assertSameOrigin, clientAddress } from "~/modules/security/origin.server";

export const meta: MetaFunction = () => [{ title: "Tvåstegsverifiering – Samverkansportalen" }];

/** The second step of a password sign-in: the app's code, a passkey, or a recovery code. No session before it passes. */
export async function loader({ request }: LoaderFunctionArgs) {
  const pending = pendingSignIn(request, "second_factor");
  if (!pending) throw redirect("/logga-in");
  const factors = factorsOf(pending.user.id);
  return { factors: { totp: factors.totp, passkey: factors.passkeys > 0, recoveryCodes: factors.recoveryCodes > 0 } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const intent = new URL(request.url).searchParams.get("atgard") ?? "";
  const pending = pendingSignIn(request, "second_factor");
  if (!pending) return invalidFor(intent, { form: LOGIN_ERRORS.expired });
  const form = await readFactorForm(request, intent, pending.user.id);
  if (!form) return invalidFor(intent, { form: "Okänd åtgärd." });
  if ("response" in form) return form.response;
  const result = await proveSecondFactor(pending.user, clientAddress(context), form.proof);
  if (!result.ok) {
    const alive = recordChallengeFailure(pending.challenge.id);
    return factorRefused(form.intent, alive || result.throttled ? result : { ...result, error: LOGIN_ERRORS.expired });
  }
  // With few recovery codes left, the account page comes first: it says so and makes new ones.
  const fewLeft = result.authMethod === "password_recovery_code" && factorsOf(pending.user.id).recoveryCodes <= RECOVERY_CODES_LOW;
  const done = await completeSignIn(pending, result.authMethod, fewLeft ? ACCOUNT_MFA_PAGE : undefined);
  if (!done) return invalidFor(form.intent, { form: LOGIN_ERRORS.expired });
  return redirect(done.location, { headers: done.headers });
}

export default function SecondFactor() {
  const { factors } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as IntentResult | undefined;
  const expired = actionData && !actionData.ok && Object.values(actionData.errors).includes(LOGIN_ERRORS.expired);
  return (
    <div className="narrow">
      <h1>Tvåstegsverifiering</h1>
      <p>Lösenordet stämmer. Visa nu att det är du, med appen i telefonen eller med din nyckel.</p>
      {expired ? (
        <p className="alert alert--error" role="alert">
          {LOGIN_ERRORS.expired} <Link to="/logga-in">Till inloggningen</Link>
        </p>
      ) : null}
      <SecondFactorForms factors={factors} actionData={actionData} submitLabel="Logga in" />
      <p className="muted">
        Har du tappat bort både telefonen och reservkoderna? Kontakta din organisations systemförvaltare, som kan återställa tvåstegsverifieringen.
      </p>
    </div>
  );
}
