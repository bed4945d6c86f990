import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { RecoveryCodesShown } from "~/components/mfa/recovery-codes";
import { TotpEnrolment } from "~/components/mfa/totp-enrolment";
import { invalid, parseForm } from "~/lib/form.server";
import { recordChallengeFailure } from "~/modules/auth/challenges.server";
import { completeSignIn, LOGIN_ERRORS, pendingSignIn } from "~/modules/auth/login.server";
import { enrolTotp } from "~/modules/auth/mfa-enrolment.server";
import { totpCodeSchema } from "~/modules/auth/mfa-schemas";
import { FACTOR_ERRORS, throttledAttempt } from "~/modules/auth/second-factor.server";
import { totpEnrolmentView } from "~/modules/auth/totp.server";
import { assertSameOrigin, clientAddress } from "~/modules/security/origin.server";

export const meta: MetaFunction = () => [{ title: "Aktivera tvåstegsverifiering – Samverkansportalen" }];

/**
 * Forced enrolment: the password was right, but the account's role reads youth data (or the
 * systemförvaltare requires it of everyone) and it has no second factor yet. No session until it is set up.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const pending = pendingSignIn(request, "enrolment");
  // Gone after a finished enrolment too: the page then shows the action's recovery codes, not this.
  if (!pending) return { enrolment: null };
  return { enrolment: await totpEnrolmentView(pending.user.id, pending.challenge.payload!, pending.user.username) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const pending = pendingSignIn(request, "enrolment");
  if (!pending) return invalid({ form: LOGIN_ERRORS.expired });
  const form = await parseForm(request, totpCodeSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  let codes: string[] | null = null;
  // A wrong code here is a failed factor like any other: it counts against the account and the address.
  const result = await throttledAttempt(pending.user, clientAddress(context), "totp", () => {
    const done = enrolTotp(pending.user.id, pending.challenge.payload!, form.data.code);
    codes = done?.codes ?? null;
    return done !== null;
  });
  if (!result.ok) {
    const alive = recordChallengeFailure(pending.challenge.id);
    const error = result.throttled ? LOGIN_ERRORS.throttled : alive ? FACTOR_ERRORS.totp : LOGIN_ERRORS.expired;
    return invalid({ code: error });
  }
  const done = await completeSignIn(pending, "password_totp");
  if (!done) return invalid({ form: LOGIN_ERRORS.expired });
  return json({ ok: true as const, codes: codes ?? [], next: done.location }, { headers: done.headers });
}

// The recovery codes are shown from the action's answer; reloading the page would lose them.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && (actionResult as { ok?: boolean }).ok ? false : defaultShouldRevalidate;

type ActionData = { ok: true; codes: string[]; next: string } | { ok: false; errors: Record<string, string> };

export default function ForcedEnrolment() {
  const { enrolment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  if (actionData?.ok) {
    return (
      <div className="narrow">
        <h1>Tvåstegsverifieringen är aktiverad</h1>
        <p className="alert alert--success" role="status">
          Från och med nu loggar du in med lösenordet och en kod från appen.
        </p>
        {actionData.codes.length > 0 ? <RecoveryCodesShown codes={actionData.codes} /> : null}
        <p>
          <Link className="button" to={actionData.next}>
            Jag har sparat koderna – fortsätt
          </Link>
        </p>
      </div>
    );
  }
  if (!enrolment) {
    return (
      <div className="narrow">
        <h1>Aktivera tvåstegsverifiering</h1>
        <p className="alert alert--error" role="alert">
          {LOGIN_ERRORS.expired} <Link to="/logga-in">Till inloggningen</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Aktivera tvåstegsverifiering</h1>
      <p>
        Du arbetar med uppgifter om ungdomar som skyddas av sekretess. Därför loggar du in i två steg: lösenordet och en kod från en app i din telefon. Det tar
        ett par minuter att ställa in, och görs bara en gång.
      </p>
      <TotpEnrolment
        enrolment={enrolment}
        action="/logga-in/tvastegsverifiering/aktivera"
        errors={actionData && !actionData.ok ? actionData.errors : undefined}
      />
    </div>
  );
}
