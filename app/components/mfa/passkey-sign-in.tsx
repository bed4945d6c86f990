import { useFetcher } from "@remix-run/react";
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useIntentAction } from "./intent-action";

type OptionsAnswer = { intent: string; ok: true; options: PublicKeyCredentialRequestOptionsJSON; token: string };
type Refusal = { ok: false; errors?: Record<string, string> };

/** Whether this browser can use passkeys; false on the server and before hydration (no JavaScript, no button). */
const noSubscription = () => () => {};

export function usePasskeySupport(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => typeof window.PublicKeyCredential === "function",
    () => false,
  );
}

/**
 * "Använd nyckel": asks the server for a challenge, lets the browser ask the passkey (with PIN, fingerprint
 * or face), and posts the answer. The server then signs in (a redirect) or says why not. Needs JavaScript,
 * as WebAuthn does; the app's code and the recovery codes work without.
 */
export function PasskeySignIn({ label = "Använd nyckel" }: { label?: string }) {
  const supported = usePasskeySupport();
  const options = useFetcher<OptionsAnswer | Refusal>();
  const answer = useFetcher<Refusal>();
  const handled = useRef<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const actionFor = useIntentAction();

  useEffect(() => {
    const data = options.data;
    if (options.state !== "idle" || !data || !data.ok || handled.current === data.token) return;
    handled.current = data.token;
    startAuthentication({ optionsJSON: data.options as PublicKeyCredentialRequestOptionsJSON })
      .then((response) => answer.submit({ token: data.token, response: JSON.stringify(response) }, { method: "post", action: actionFor("nyckel") }))
      .catch(() => setProblem("Nyckeln användes inte. Försök igen, eller använd koden från appen eller en reservkod."));
  }, [options.state, options.data, answer, actionFor]);

  if (!supported) return null;
  const refused = answer.data && !answer.data.ok ? (answer.data.errors?.form ?? "Nyckeln kunde inte bekräftas.") : null;
  const busy = options.state !== "idle" || answer.state !== "idle";
  return (
    <div className="passkey-sign-in">
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => {
          setProblem(null);
          options.submit({}, { method: "post", action: actionFor("nyckel-start") });
        }}
      >
        {label}
      </button>
      {problem || refused ? (
        <p className="field__error" role="alert">
          {problem ?? refused}
        </p>
      ) : null}
    </div>
  );
}
