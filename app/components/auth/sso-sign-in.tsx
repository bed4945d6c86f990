import type { SsoSignInView } from "~/modules/auth/sso.server";

/**
 * The municipality's single sign-on on /logga-in: a link per provider (a GET: the CSP's form-action 'self'
 * would stop a form that redirects to the provider), and after logout, the offer to sign out there too.
 */
export function SsoSignIn({ view, redirectTo }: { view: SsoSignInView; redirectTo: string }) {
  const back = redirectTo === "/" ? "" : `?redirectTo=${encodeURIComponent(redirectTo)}`;
  return (
    <>
      {view.signedOut ? (
        <div className="alert alert--success" role="status">
          <p>
            <strong>Du är utloggad från Samverkansportalen.</strong>
          </p>
          {view.signedOut.endSessionUrl ? (
            <p>
              Du kan fortfarande vara inloggad hos {view.signedOut.providerName}. På en dator som andra använder:{" "}
              <a href={view.signedOut.endSessionUrl}>logga ut från {view.signedOut.providerName} också</a>.
            </p>
          ) : null}
        </div>
      ) : null}
      {view.providers.length > 0 ? (
        <section aria-labelledby="sso-heading">
          <h2 id="sso-heading">Med kommunens inloggning</h2>
          <div className="button-row">
            {view.providers.map((p) => (
              <a key={p.id} className="button" href={`/logga-in/sso/${p.id}${back}`}>
                Logga in med {p.displayName}
              </a>
            ))}
          </div>
        </section>
      ) : null}
      {view.providers.length > 0 ? <h2>Med användarnamn och lösenord</h2> : null}
    </>
  );
}
