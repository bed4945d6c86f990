import { expect, test } from "./fixtures";
import { makePersonalNumber } from "../../app/modules/youth/personal-number";
import { lookup, signInRequest } from "./helpers";

test("pages carry the security headers, and signed-in pages are never cached", async ({ request, baseURL }) => {
  const login = await request.get("/logga-in");
  const headers = login.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");

  // A fresh nonce for every response, and the page's scripts carry it.
  const again = (await request.get("/logga-in")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  expect(await login.text()).toContain(`nonce="${nonce}"`);

  await signInRequest(request, baseURL!, "handlaggare@demo.example");
  for (const path of ["/start", "/ungdomar", "/ungdomar/ny"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  }
  const data = await request.get("/ungdomar?_data=routes%2Fungdomar._index");
  expect(data.headers()["cache-control"]).toBe("no-store");
});

test("a cross-origin POST is rejected with 403 and changes nothing", async ({ request, baseURL }) => {
  await signInRequest(request, baseURL!, "handlaggare@demo.example");
  const personalNumber = makePersonalNumber(`${new Date().getUTCFullYear() - 17}-06-01`, 903);
  // All 290 municipalities are seeded (migration 0030): Nässjö's id is looked up, not assumed.
  const nassjo = lookup<{ id: number }>("SELECT id FROM municipalities WHERE code = '0682'").id;
  const form = { personalNumber, firstName: "Förfalskad", lastName: "Förfrågan", homeMunicipalityId: String(nassjo), startReason: "other" };
  const count = () => lookup<{ n: number }>("SELECT count(*) AS n FROM youths WHERE personal_number = ?", personalNumber).n;

  const foreign = await request.post("/ungdomar/ny", { form, headers: { Origin: "https://angripare.example" }, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  const crossSite = await request.post("/ungdomar/ny", { form, headers: { "Sec-Fetch-Site": "cross-site" }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
  const dataRequest = await request.post("/ungdomar/ny?_data=routes%2Fungdomar.ny", { form, headers: { Origin: "https://angripare.example" } });
  expect(dataRequest.status()).toBe(403);
  expect(count()).toBe(0);

  // Logging out from another site does not end the session either.
  const logout = await request.post("/logga-ut", { headers: { Origin: "https://angripare.example" }, maxRedirects: 0 });
  expect(logout.status()).toBe(403);
  expect((await request.get("/start", { maxRedirects: 0 })).status()).toBe(200);

  // The same request from the portal's own origin goes through.
  const own = await request.post("/ungdomar/ny", { form, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(own.status()).toBe(302);
  expect(count()).toBe(1);
});

test("error pages carry no stack trace", async ({ request, baseURL }) => {
  await signInRequest(request, baseURL!, "skola@demo.example");
  const response = await request.get("/ungdomar/inte-en-ungdom");
  expect(response.status()).toBe(404);
  const body = await response.text();
  expect(body).toContain("Sidan finns inte");
  expect(body).not.toMatch(/Error:|at \S+ \(|node_modules/);
});
