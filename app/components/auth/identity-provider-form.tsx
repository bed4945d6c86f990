import { ErrorSummary, Form, CheckboxField, SelectField, TextField } from "~/components/form";
import { useIntentForm, type IntentResult } from "~/components/intent-form";
import { identityProviderSchema, MATCH_CLAIM_LABELS, MATCH_CLAIMS } from "~/modules/auth/identity-provider-schemas";

export type ProviderFormDefaults = {
  id: string;
  purpose: "staff" | "citizen";
  municipalityId: string;
  displayName: string;
  issuer: string;
  clientId: string;
  matchClaim: "sub" | "email";
  personalNumberClaim: string;
  enabled: boolean;
};

/**
 * One identity provider's settings. The secret is write-only; "Testa anslutning" posts the same fields to
 * see whether the portal can read the provider's metadata at the address.
 */
export function IdentityProviderForm({
  actionData,
  defaults,
  municipalities,
  hasSecret,
}: {
  actionData: IntentResult | undefined;
  defaults: ProviderFormDefaults;
  municipalities: { id: number; name: string }[] | null;
  hasSecret: boolean;
}) {
  const { formProps, field, errors, submitting, register } = useIntentForm(actionData, "provider", identityProviderSchema, { ...defaults, clientSecret: "" });
  const staff = defaults.purpose === "staff";
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form {...formProps} action="?atgard=spara">
        <input type="hidden" {...register("id")} />
        <input type="hidden" {...register("purpose")} />
        {staff && municipalities ? (
          <SelectField {...field("municipalityId")} label="Kommun" required options={municipalities.map((m) => ({ value: String(m.id), label: m.name }))} />
        ) : (
          <input type="hidden" {...register("municipalityId")} />
        )}
        <TextField
          {...field("displayName")}
          label="Namn på knappen"
          hint={staff ? "Till exempel Nässjö kommuns inloggning." : "Till exempel BankID eller Freja eID."}
          required
        />
        <TextField {...field("issuer")} label="Utfärdare (issuer)" type="url" hint="Adressen där /.well-known/openid-configuration finns." required />
        <TextField {...field("clientId")} label="Klient-id" autoComplete="off" required />
        <TextField
          {...field("clientSecret")}
          label="Klienthemlighet"
          type="password"
          autoComplete="new-password"
          hint={hasSecret ? "En hemlighet är sparad och visas inte. Lämna fältet tomt för att behålla den." : "Visas aldrig igen efter att den sparats."}
          required={!hasSecret}
        />
        {staff ? (
          <SelectField {...field("matchClaim")} label="Kontot kopplas på" options={MATCH_CLAIMS.map((c) => ({ value: c, label: MATCH_CLAIM_LABELS[c] }))} />
        ) : (
          <input type="hidden" {...register("matchClaim")} />
        )}
        {staff ? (
          <input type="hidden" {...register("personalNumberClaim")} />
        ) : (
          <TextField
            {...field("personalNumberClaim")}
            label="Uppgiften (claim) med personnumret"
            hint="Enligt svensk OIDC-profil: https://id.oidc.se/claim/personalIdentityNumber."
            required
          />
        )}
        <CheckboxField {...field("enabled")} label="Inloggningen är aktiv" />
        <div className="button-row">
          <button type="submit" className="button" disabled={submitting}>
            Spara
          </button>
          <button type="submit" className="button button--secondary" formAction="?atgard=testa" formNoValidate>
            Testa anslutning
          </button>
        </div>
      </Form>
    </>
  );
}
