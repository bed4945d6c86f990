/**
 * The second-factor forms as the sign-in page and the step-up page both read them: the app's code,
 * a recovery code, and a passkey (its options first, then the browser's answer).
 */
import { json } from "@remix-run/node";
import { invalidFor, parseForm } from "~/lib/form.server";
import { passkeyAnswerSchema, recoveryCodeSchema, totpCodeSchema } from "./mfa-schemas";
import { passkeyAuthenticationOptions } from "./passkeys.server";
import type { FactorProof, FactorResult } from "./second-factor.server";

export const FACTOR_INTENTS = { totp: "kod", recovery_code: "reservkod", passkeyOptions: "nyckel-start", passkey: "nyckel" } as const;

export type FactorForm = { proof: FactorProof; intent: string } | { response: Response };

/** The posted factor, or the answer to give at once (invalid input, the passkey options); null for another intent. */
export async function readFactorForm(request: Request, intent: string | null, userId: number): Promise<FactorForm | null> {
  switch (intent) {
    case FACTOR_INTENTS.totp: {
      const form = await parseForm(request, totpCodeSchema);
      if (!form.ok) return { response: invalidFor(intent, form.errors, form.values) };
      return { intent, proof: { factor: "totp", code: form.data.code } };
    }
    case FACTOR_INTENTS.recovery_code: {
      const form = await parseForm(request, recoveryCodeSchema);
      if (!form.ok) return { response: invalidFor(intent, form.errors, form.values) };
      return { intent, proof: { factor: "recovery_code", code: form.data.recoveryCode } };
    }
    case FACTOR_INTENTS.passkeyOptions: {
      const { options, token } = await passkeyAuthenticationOptions(request, userId);
      return { response: json({ intent, ok: true as const, options, token }) };
    }
    case FACTOR_INTENTS.passkey: {
      const form = await parseForm(request, passkeyAnswerSchema);
      if (!form.ok) return { response: invalidFor(intent, { form: "Nyckelns svar kunde inte läsas. Försök igen." }) };
      return { intent, proof: { factor: "passkey", token: form.data.token, response: form.data.response, request } };
    }
    default:
      return null;
  }
}

/** A refused factor, with the message beside the field that was used. */
export function factorRefused(intent: string, result: Extract<FactorResult, { ok: false }>): Response {
  const field = intent === FACTOR_INTENTS.totp ? "code" : intent === FACTOR_INTENTS.recovery_code ? "recoveryCode" : "form";
  return invalidFor(intent, { [field]: result.error });
}
