import { useFetcher } from "@remix-run/react";
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { useEffect, useRef, useState } from "react";
import { usePasskeySupport } from "./passkey-sign-in";
import { RecoveryCodesShown } from "./recovery-codes";

type OptionsAnswer = { intent: string; ok: true; options: PublicKeyCredentialCreationOptionsJSON; token: string };
type Answer = { intent: string; ok: boolean; message?: string; codes?: string[] | null; errors?: Record<string, string> };

/**
 * "Lägg till nyckel": a name for the key, then the browser creates the passkey (with PIN, fingerprint or
 * face) and the server stores its public key. Needs JavaScript, as WebAuthn does; without it the page
 * says so and the app remains the way.
 */
export function PasskeyRegister() {
  const supported = usePasskeySupport();
  const options = useFetcher<OptionsAnswer | Answer>();
  const answer = useFetcher<Answer>();
  const handled = useRef<string | null>(null);
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const data = options.data;
    if (options.state !== "idle" || !data || !data.ok || !("token" in data) || handled.current === data.token) return;
    handled.current = data.token;
    startRegistration({ optionsJSON: data.options as PublicKeyCredentialCreationOptionsJSON })
      .then((response) =>
        answer.submit({ token: data.token, response: JSON.stringify(response), name }, { method: "post", action: "?atgard=nyckel-registrera" }),
      )
      .catch(() => setProblem("Nyckeln skapades inte. Försök igen."));
  }, [options.state, options.data, answer, name]);

  if (!supported) {
    return <p className="muted">Nycklar (passkeys) kräver en webbläsare med JavaScript påslaget. Appen fungerar utan.</p>;
  }
  const refused = answer.data && !answer.data.ok ? Object.values(answer.data.errors ?? {})[0] : null;
  const nameError = problem === "name" ? "Ge nyckeln ett namn, till exempel ”Jobbdatorn”." : null;
  const busy = options.state !== "idle" || answer.state !== "idle";
  return (
    <div>
      {answer.data?.ok ? (
        <p className="alert alert--success" role="status">
          {answer.data.message}
        </p>
      ) : null}
      {answer.data?.ok && answer.data.codes ? <RecoveryCodesShown codes={answer.data.codes} /> : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) return setProblem("name");
          setProblem(null);
          options.submit({}, { method: "post", action: "?atgard=nyckel-start" });
        }}
      >
        <div className={`field${nameError ? " field--error" : ""}`}>
          <label htmlFor="f-passkey-name">Namn på nyckeln</label>
          <p className="field__hint" id="f-passkey-name-hint">
            Så att du känner igen den i listan, till exempel ”Jobbdatorn” eller ”Telefonen”.
          </p>
          <input
            id="f-passkey-name"
            name="name"
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-describedby={nameError ? "f-passkey-name-hint f-passkey-name-error" : "f-passkey-name-hint"}
            aria-invalid={nameError ? true : undefined}
          />
          {nameError ? (
            <p className="field__error" id="f-passkey-name-error">
              {nameError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--secondary" disabled={busy}>
          Lägg till nyckel
        </button>
      </form>
      {(problem && problem !== "name") || refused ? (
        <p className="field__error" role="alert">
          {problem && problem !== "name" ? problem : refused}
        </p>
      ) : null}
    </div>
  );
}
