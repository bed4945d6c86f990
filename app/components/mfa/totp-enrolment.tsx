import type { ReactNode } from "react";
import { ErrorSummary, Form, TextField, useValidatedForm } from "~/components/form";
import { totpCodeSchema } from "~/modules/auth/mfa-schemas";

export type TotpEnrolmentData = { qrDataUrl: string; secret: string };

/**
 * Setting up the authenticator app: a QR code to scan, the key to type in by hand, and one code from
 * the app to show that it works. Works without JavaScript (an ordinary form).
 */
export function TotpEnrolment({
  enrolment,
  action,
  errors,
  hidden,
}: {
  enrolment: TotpEnrolmentData;
  action: string;
  errors?: Record<string, string>;
  hidden?: ReactNode;
}) {
  const { register, errorFor, formProps, submitting } = useValidatedForm(totpCodeSchema, { defaultValues: { code: "" }, serverErrors: errors });
  return (
    <section aria-labelledby="aktivera-app" className="card">
      <h2 id="aktivera-app">Koppla en autentiseringsapp</h2>
      <ol>
        <li>Öppna en autentiseringsapp i telefonen, till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP.</li>
        <li>Lägg till ett konto och skanna QR-koden.</li>
        <li>Skriv in den sexsiffriga kod som appen visar.</li>
      </ol>
      <img src={enrolment.qrDataUrl} alt="QR-kod att skanna med autentiseringsappen" width={240} height={240} />
      <p>
        Kan du inte skanna? Skriv in den här nyckeln i appen: <code data-testid="totp-secret">{enrolment.secret}</code>
      </p>
      <ErrorSummary errors={errors} />
      <Form {...formProps} action={action}>
        {hidden}
        <TextField name="code" label="Kod från appen" inputMode="numeric" autoComplete="one-time-code" register={register} error={errorFor("code")} />
        <button type="submit" className="button" disabled={submitting}>
          Aktivera
        </button>
      </Form>
    </section>
  );
}
