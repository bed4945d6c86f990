/**
 * Plays the browser at the demo identity provider (tests/mocks/oidc-provider.ts), over any HTTP client that
 * keeps cookies and does not follow redirects: from the authorization URL through the sign-in page
 * (choosing `account`, a subject or a personnummer) to the portal's callback, which it answers without
 * calling. An existing session at the provider skips the page, as in a browser; one of another person is
 * ended first, as the provider's self-submitting page does in a browser.
 */
export type Hop = { status: number; location: string | null; text: () => Promise<string> };
export type Send = (url: string, form?: Record<string, string>) => Promise<Hop>;

export async function walkProvider(authorizationUrl: string, account: string, send: Send): Promise<URL> {
  let url = new URL(authorizationUrl);
  const providerOrigin = url.origin;
  for (let hop = 0; hop < 12; hop++) {
    if (url.origin !== providerOrigin) return url;
    const interaction = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
    const response = interaction ? await send(`${providerOrigin}/interaction/${interaction[1]}/login`, { account }) : await send(url.href);
    const location = response.location ?? (await autoSubmit(response, send));
    if (!location) throw new Error(`The provider answered ${response.status} at ${url.pathname}: ${(await response.text()).slice(0, 1500)}`);
    url = new URL(location, url);
  }
  throw new Error("Too many redirects at the provider");
}

async function autoSubmit(response: Hop, send: Send): Promise<string | null> {
  if (response.status !== 200) return null;
  const html = await response.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) return null;
  const fields = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!]));
  return (await send(action, fields)).location;
}
