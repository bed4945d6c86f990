/** The sign-in log's refusal reasons as the systemförvaltare reads them (/admin/inloggning). */
export const SIGN_IN_REFUSAL_LABELS: Record<string, string> = {
  no_request: "Ingen pågående inloggning i webbläsaren",
  unknown_request: "Okänd eller redan använd inloggning (t.ex. bakåtknappen)",
  request_expired: "Inloggningen tog för lång tid",
  wrong_purpose: "Svaret hörde till en annan sorts inloggning",
  provider_disabled: "Tjänsten är avstängd",
  provider_error: "Tjänsten svarade med ett fel",
  state_mismatch: "Fel state (möjlig förfalskning)",
  nonce_mismatch: "Fel nonce i ID-token (möjlig förfalskning)",
  invalid_grant: "Koden var ogiltig, för gammal eller redan använd",
  authentication_too_old: "Autentiseringen var för gammal",
  provider_unreachable: "Tjänsten svarade inte",
  invalid_response: "Ogiltigt svar från tjänsten",
  unknown_subject: "Ingen användare kopplad till identiteten",
  user_disabled: "Kontot är inaktiverat",
  email_not_verified: "E-postadressen var inte verifierad",
  step_up_other_person: "Bekräftelse med en annan person",
  step_up_session_ended: "Sessionen hade upphört före bekräftelsen",
};

export function refusalLabel(reason: string | null) {
  return reason ? (SIGN_IN_REFUSAL_LABELS[reason] ?? reason) : "";
}
