import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, TextField } from "~/components/form";
import { useIntentForm, type IntentResult } from "~/components/intent-form";
import { useIntentAction } from "~/components/mfa/intent-action";
import { SecondFactorForms } from "~/components/mfa/second-factor-forms";
import { invalidFor, parseForm } from "~/lib/form.server";
import { requireUser } from "~/modules/auth/actor.server";
import { factorRefused, readFactorForm } from "~/modules/auth/factor-forms.server";
import { stepUpPasswordSchema } from "~/modules/auth/mfa-schemas";
import { proveSecondFactor } from "~/modules/auth/second-factor.server";
import { markReauthenticated } from "~/modules/auth/session.server";
import { stepUpMode, stepUpTarget, stepUpWithPassword } from "~/modules/auth/step-up-page.server";
import { clientAddress } from "~/modules/security/origin.server";

export const meta: MetaFunction = () => [{ title: "Bekräfta att det är du – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  return { mode: stepUpMode(request, auth) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request);
  const mode = stepUpMode(request, auth);
  const intent = new URL(request.url).searchParams.get("atgard") ?? "";
  const address = clientAddress(context);
  if (intent === "losenord") {
    if (mode.kind !== "password") return invalidFor(intent, { form: "Bekräfta med din andra faktor." });
    const form = await parseForm(request, stepUpPasswordSchema);
    if (!form.ok) return invalidFor(intent, form.errors);
    const result = await stepUpWithPassword(auth, form.data.password, address);
    if (!result.ok) return invalidFor(intent, { password: result.error });
    return redirect(stepUpTarget(request));
  }
  if (mode.kind !== "factor") return invalidFor(intent, { form: "Okänd åtgärd." });
  const form = await readFactorForm(request, intent, auth.user.id);
  if (!form) return invalidFor(intent, { form: "Okänd åtgärd." });
  if ("response" in form) return form.response;
  const result = await proveSecondFactor(auth.user, address, form.proof);
  if (!result.ok) return factorRefused(form.intent, result);
  markReauthenticated(auth.session.id, Date.now(), result.authMethod);
  return redirect(stepUpTarget(request));
}

function PasswordForm({ actionData }: { actionData?: IntentResult }) {
  const form = useIntentForm(actionData, "losenord", stepUpPasswordSchema, { password: "" });
  const actionFor = useIntentAction();
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <Form {...form.formProps} action={actionFor("losenord")}>
        <TextField
          name="password"
          label="Lösenord"
          type="password"
          autoComplete="current-password"
          register={form.register}
          error={form.errorFor("password")}
        />
        <button type="submit" className="button" disabled={form.submitting}>
          Bekräfta
        </button>
      </Form>
    </>
  );
}

export default function ConfirmIdentity() {
  const { mode } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as IntentResult | undefined;
  return (
    <div className="narrow">
      <h1>Bekräfta att det är du</h1>
      <p>
        Det du vill göra kräver att du har visat vem du är under de senaste 15 minuterna. Bekräfta, så kommer du tillbaka till sidan. Gör sedan om det du höll
        på med.
      </p>
      {mode.kind === "factor" ? <SecondFactorForms factors={mode} actionData={actionData} submitLabel="Bekräfta" /> : <PasswordForm actionData={actionData} />}
    </div>
  );
}
