import { ErrorSummary, Form, TextField } from "~/components/form";
import type { IntentResult } from "~/components/intent-form";
import { useIntentForm } from "~/components/intent-form";
import { recoveryCodeSchema, totpCodeSchema } from "~/modules/auth/mfa-schemas";
import { useIntentAction } from "./intent-action";
import { PasskeySignIn } from "./passkey-sign-in";

export type FactorChoice = { totp: boolean; passkey: boolean; recoveryCodes: boolean };

/**
 * The ways to give the second factor (sign-in and step-up): the app's code, a passkey, or a recovery code
 * (folded away: it is for when the others are lost).
 */
export function SecondFactorForms({ factors, actionData, submitLabel }: { factors: FactorChoice; actionData?: IntentResult; submitLabel: string }) {
  const totp = useIntentForm(actionData, "kod", totpCodeSchema, { code: "" });
  const recovery = useIntentForm(actionData, "reservkod", recoveryCodeSchema, { recoveryCode: "" });
  const actionFor = useIntentAction();
  const recoveryOpen = actionData?.intent === "reservkod" || (!factors.totp && !factors.passkey);
  return (
    <>
      {factors.totp ? (
        <>
          <ErrorSummary errors={totp.errors} />
          <Form {...totp.formProps} action={actionFor("kod")}>
            <TextField
              name="code"
              label="Kod från autentiseringsappen"
              hint="Sex siffror. Koden byts var 30:e sekund."
              inputMode="numeric"
              autoComplete="one-time-code"
              register={totp.register}
              error={totp.errorFor("code")}
            />
            <button type="submit" className="button" disabled={totp.submitting}>
              {submitLabel}
            </button>
          </Form>
        </>
      ) : null}
      {factors.passkey ? <PasskeySignIn /> : null}
      {factors.recoveryCodes ? (
        <details open={recoveryOpen}>
          <summary>Använd en reservkod</summary>
          <ErrorSummary errors={recovery.errors} />
          <Form {...recovery.formProps} action={actionFor("reservkod")}>
            <TextField
              name="recoveryCode"
              label="Reservkod"
              hint="16 tecken, till exempel ABCD-EFGH-IJKL-MNOP. Varje kod fungerar en gång."
              autoComplete="off"
              register={recovery.register}
              error={recovery.errorFor("recoveryCode")}
            />
            <button type="submit" className="button button--secondary" disabled={recovery.submitting}>
              Använd reservkoden
            </button>
          </Form>
        </details>
      ) : null}
    </>
  );
}
