import { Form } from "@remix-run/react";
import { MATCH_CLAIM_LABELS, MATCH_CLAIMS } from "~/modules/auth/identity-provider-schemas";

type View = {
  links: { id: number; claim: string; value: string; provider: string }[];
  providers: { id: number; displayName: string; matchClaim: string }[];
};

/**
 * On an account's admin page: the subjects (or e-mail addresses) at the municipality's sign-in that sign in
 * as this account. Posts to /admin/anvandare/:id/inloggning.
 */
export function UserIdentities({ userId, view }: { userId: number; view: View }) {
  const action = `/admin/anvandare/${userId}/inloggning`;
  return (
    <section aria-labelledby="kommunens-inloggning" className="card">
      <h2 id="kommunens-inloggning">Inloggning via kommunens identitetstjänst</h2>
      {view.links.length === 0 ? <p>Kontot är inte kopplat. Personen kan bara logga in med lösenord.</p> : null}
      <ul className="compact-list">
        {view.links.map((link) => (
          <li key={link.id}>
            {link.provider}: {link.claim === "email" ? "e-post" : "användar-id"} <code>{link.value}</code>{" "}
            <Form method="post" action={`${action}?atgard=ta-bort`} className="inline-form">
              <input type="hidden" name="linkId" value={link.id} />
              <button type="submit" className="button button--link">
                Ta bort kopplingen<span className="visually-hidden"> {link.value}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      {view.providers.length === 0 ? (
        <p className="muted">Ingen av kontots kommuner har en inloggningstjänst. Lägg till den under Inloggning.</p>
      ) : (
        <Form method="post" action={`${action}?atgard=koppla`}>
          <div className="field">
            <label htmlFor="link-provider">Inloggningstjänst</label>
            <select id="link-provider" name="providerId">
              {view.providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="link-claim">Koppla på</label>
            <select id="link-claim" name="claim" defaultValue={view.providers[0]!.matchClaim}>
              {MATCH_CLAIMS.map((c) => (
                <option key={c} value={c}>
                  {MATCH_CLAIM_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="link-value">Användar-id (sub) eller e-postadress hos tjänsten</label>
            <input id="link-value" name="value" required maxLength={200} autoComplete="off" />
          </div>
          <button type="submit" className="button">
            Koppla kontot
          </button>
        </Form>
      )}
    </section>
  );
}
