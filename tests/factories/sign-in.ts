import { signIn } from "~/modules/auth/login.server";
import { totpCodeAt } from "~/modules/auth/totp";
import { action as enrolAction, loader as enrolLoader } from "~/routes/logga-in_.tvastegsverifiering_.aktivera";
import { TEST_PASSWORD } from "./world";

/**
 * A first sign-in of an account that must use a second factor and has none: the password, then the forced
 * enrolment of the app as a person does it (the code computed from the key the page shows). Returns the
 * session cookie and where the sign-in lands.
 */
export async function signInWithNewApp(username: string, address: string): Promise<{ cookie: string; location: string; secret: string }> {
  const step = await signIn(username, TEST_PASSWORD, address);
  if (!step.ok || step.next !== "enrolment") throw new Error(`expected a forced enrolment, got ${JSON.stringify(step)}`);
  const pending = step.cookie.split(";")[0]!;
  const url = "http://localhost/logga-in/tvastegsverifiering/aktivera";
  const page = (await enrolLoader({ request: new Request(url, { headers: { Cookie: pending } }), params: {}, context: {} })) as {
    enrolment: { secret: string };
  };
  const secret = page.enrolment.secret.replace(/ /g, "");
  const response = (await enrolAction({
    request: new Request(url, {
      method: "POST",
      headers: { Cookie: pending, Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ code: totpCodeAt(secret, Date.now()) }).toString(),
    }),
    params: {},
    context: { clientAddress: address },
  })) as Response;
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("sp_session=") && !c.startsWith("sp_session=;"));
  if (!cookie) throw new Error(`enrolment refused: ${response.status}`);
  return { cookie: cookie.split(";")[0]!, location: ((await response.json()) as { next: string }).next, secret };
}
