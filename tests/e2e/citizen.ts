/**
 * Signing in a demo youth or guardian (DEMO_CITIZENS) through the demo e-legitimation, the real local OIDC
 * provider the test server runs: in the browser (`signInCitizen`) or with an API client for the authorisation
 * matrix (`signInCitizenRequest`). Both end on the page the portal sends the person to.
 */
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_CITIZENS, type DemoCitizenKey } from "../../db/demo-accounts";
import { demoCitizen, demoCitizenPersonalNumber } from "../../app/modules/youth/demo-citizens";
import { lookup } from "./helpers";

const SIGN_IN_PAGE = "/mina-sidor/logga-in";

/** The demo provider's subject for a demo citizen (db/demo-identity.ts). */
const subjectOf = (key: DemoCitizenKey) => `demo-medborgare-${key}`;

/** Signs in on Mina sidor as a person would: the link, the demo e-legitimation's page, back to the portal. */
export async function signInCitizen(page: Page, key: DemoCitizenKey) {
  const citizen = demoCitizen(key);
  await page.goto(SIGN_IN_PAGE);
  await page.getByRole("link", { name: "Logga in med BankID eller Freja eID" }).click();
  await page.getByRole("button", { name: `${citizen.firstName} ${citizen.lastName}` }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/mina-sidor") && !url.pathname.startsWith(SIGN_IN_PAGE));
}

/**
 * Signs in an API client as a demo citizen: follows the portal's start link to the demo provider, chooses the
 * person there, and comes back through the callback. Answers where the portal sent the person (a path).
 * Cookies are kept per host, ports aside; the provider's cookie names differ from the portal's.
 */
export async function signInCitizenRequest(request: APIRequestContext, baseURL: string, key: DemoCitizenKey): Promise<string> {
  const portal = new URL(baseURL).origin;
  let response = await request.get(`${portal}${SIGN_IN_PAGE}/start`, { maxRedirects: 0 });
  for (let hop = 0; hop < 12; hop++) {
    expect([302, 303], `sign-in of ${key}: ${response.url()}`).toContain(response.status());
    const next = new URL(response.headers()["location"]!, response.url());
    if (next.origin === portal && !next.pathname.startsWith(`${SIGN_IN_PAGE}/retur`)) return next.pathname + next.search;
    const interaction = /^\/interaction\/([\w-]+)$/.exec(next.pathname);
    response = interaction
      ? await request.post(`${next.origin}/interaction/${interaction[1]}/login`, { form: { account: subjectOf(key) }, maxRedirects: 0 })
      : await request.get(next.href, { maxRedirects: 0 });
  }
  throw new Error(`sign-in of ${key}: too many redirects`);
}

/** The demo youth's file in the Nässjö register (seeded from DEMO_CITIZENS). */
export function youthIdOf(key: DemoCitizenKey): string {
  const citizen = DEMO_CITIZENS.find((c) => c.key === key)!;
  return lookup<{ id: string }>("SELECT id FROM youths WHERE personal_number = ?", demoCitizenPersonalNumber(citizen)).id;
}
