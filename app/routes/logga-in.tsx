import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, TextField, useValidatedForm } from "~/components/form";
import { invalid, parseForm, safeRedirect } from "~/lib/form.server";
import { loginSchema } from "~/modules/auth/auth-schemas";
import { addressThrottled, LOGIN_ERRORS, signIn } from "~/modules/auth/login.server";
import { authenticate } from "~/modules/auth/session.server";
import { ssoSignInView } from "~/modules/auth/sso.server";
import { SsoSignIn } from "~/components/auth/sso-sign-in";
import { assertSameOrigin, clientAddress } from "~/modules/security/origin.server";

export const meta: MetaFunction = () => [{ title: "Logga in – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/");
  if (await authenticate(request)) throw redirect(redirectTo);
  return { redirectTo, sso: await ssoSignInView(request) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const address = clientAddress(context);
  // Before the body is read: a throttled address costs no parsing.
  if (addressThrottled(address)) return invalid({ form: LOGIN_ERRORS.throttled });
  const form = await parseForm(request, loginSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = await signIn(form.data.username, form.data.password, address);
  if (!result.ok) return invalid({ form: result.error }, form.values);
  const target = result.needsMembershipChoice
    ? `/valj-roll?redirectTo=${encodeURIComponent(safeRedirect(form.data.redirectTo))}`
    : safeRedirect(form.data.redirectTo);
  return redirect(target, { headers: { "Set-Cookie": result.cookie } });
}

export default function Login() {
  const { redirectTo, sso } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(loginSchema, {
    defaultValues: { username: actionData?.values?.username ?? "", password: "", redirectTo },
    serverErrors: actionData?.errors,
  });
  return (
    <div className="narrow">
      <h1>Logga in</h1>
      <p>Samverkansportalen för kommunala aktivitetsansvaret, skolor, socialtjänst, Arbetsförmedlingen och styrgrupp.</p>
      <SsoSignIn view={sso} redirectTo={redirectTo} />
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <input type="hidden" {...register("redirectTo")} />
        <TextField name="username" label="Användarnamn (e-postadress)" autoComplete="username" register={register} error={errorFor("username")} />
        <TextField name="password" label="Lösenord" type="password" autoComplete="current-password" register={register} error={errorFor("password")} />
        <button type="submit" className="button" disabled={submitting}>
          Logga in
        </button>
      </Form>
      <p className="muted">Glömt lösenordet? Kontakta din organisations systemförvaltare.</p>
    </div>
  );
}
