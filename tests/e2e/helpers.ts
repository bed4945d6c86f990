import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { DEMO_CITIZENS, DEMO_PASSWORD } from "../../db/demo-accounts";
import { DEMO_IDENTITY_PROVIDERS, DEMO_SSO_STAFF, demoStaffMunicipalityCode, demoStaffSubject } from "../../db/demo-identity";
import { demoCitizenPersonalNumber } from "../../app/modules/youth/demo-citizens";
import { walkProvider } from "../mocks/oidc-walk";
import { E2E_DATABASE } from "./paths";

/**
 * Signs in as a person would: demo staff through the municipality's sign-in (the demo identity provider, single
 * sign-on, exempt from the portal's second factor); others (the system admin, accounts a test made) with the
 * password form.
 */
export async function signIn(page: Page, username: string) {
  const sso = ssoOf(username);
  await page.goto("/logga-in");
  if (!sso) {
    await page.getByLabel("Användarnamn (e-postadress)").fill(username);
    await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL((url) => url.pathname !== "/logga-in");
    return;
  }
  const portal = new URL(page.url()).origin;
  // The provider remembers who signed in last in this browser; each sign-in starts without that.
  await page.context().clearCookies({ name: /^demo_idp_/ });
  await page.getByRole("link", { name: `Logga in med ${sso.providerName}` }).click();
  await page.getByRole("button", { name: new RegExp(username.replace(/[.@]/g, "\\$&")) }).click();
  await page.waitForURL((url) => url.origin === portal && !url.pathname.startsWith("/logga-in"));
}

/** Signs in an API client (for the authorisation matrix), the same way as signIn. */
export async function signInRequest(request: APIRequestContext, baseURL: string, username: string) {
  const sso = ssoOf(username);
  if (!sso) {
    const response = await request.post("/logga-in", {
      form: { username, password: DEMO_PASSWORD },
      headers: { Origin: baseURL },
      maxRedirects: 0,
    });
    expect(response.status(), `sign-in of ${username}`).toBe(302);
    return;
  }
  const start = await request.get(`/logga-in/sso/${sso.providerId}`, { maxRedirects: 0 });
  expect(start.status(), `SSO start for ${username}`).toBe(302);
  const back = await walkProvider(start.headers()["location"]!, sso.subject, async (url, form) => {
    const response = form ? await request.post(url, { form, maxRedirects: 0 }) : await request.get(url, { maxRedirects: 0 });
    return { status: response.status(), location: response.headers()["location"] ?? null, text: () => response.text() };
  });
  const done = await request.get(back.href, { maxRedirects: 0 });
  expect(done.status(), `SSO sign-in of ${username}`).toBe(302);
}

/** The demo staff member's municipality sign-in (db/demo-identity.ts), or null for a password account. */
function ssoOf(username: string) {
  const staff = DEMO_SSO_STAFF.find((s) => s.username === username);
  if (!staff) return null;
  const code = demoStaffMunicipalityCode(staff.org);
  const providerName = DEMO_IDENTITY_PROVIDERS.find((p) => p.municipalityCode === code)!.displayName;
  return { providerName, providerId: staffProviderId(code), subject: demoStaffSubject(username) };
}

/** The seeded staff sign-in of a municipality (kommunkod), e.g. Nässjö's "0682". */
export function staffProviderId(code: string): number {
  return lookup<{ id: number }>(
    "SELECT p.id FROM identity_providers p JOIN municipalities m ON m.id = p.municipality_id WHERE p.purpose = 'staff' AND m.code = ?",
    code,
  ).id;
}

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

/** Reads ids from the test database (read-only) – only to know which URLs to visit. */
export function lookup<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

/**
 * Leaves out the youths of Mina sidor's demo citizens (db/seed-citizens.ts; `y` is the youths alias): their
 * own browser tests sign in as them, so a test that picks "some youth" must not pick and change one of them.
 */
export const NOT_DEMO_CITIZEN = `y.personal_number NOT IN (${DEMO_CITIZENS.map((c) => `'${demoCitizenPersonalNumber(c)}'`).join(", ")})`;

export function nassjoYouthId(protectedIdentity = false): string {
  return lookup<{ id: string }>(
    `SELECT y.id FROM youths y JOIN municipalities m ON m.id = y.home_municipality_id WHERE m.code = '0682' AND ${NOT_DEMO_CITIZEN} AND y.protected_identity = ? ORDER BY y.name_sort LIMIT 1`,
    protectedIdentity ? 1 : 0,
  ).id;
}

/** An intervention of a Nässjö youth (the seed documents some). */
export function nassjoIntervention(): { youthId: string; id: number } {
  return lookup<{ youthId: string; id: number }>(
    `SELECT i.youth_id AS youthId, i.id FROM interventions i JOIN municipalities m ON m.id = i.municipality_id
     JOIN enrollments e ON e.id = i.enrollment_id WHERE m.code = '0682' AND e.end_date IS NULL ORDER BY i.id LIMIT 1`,
  );
}

/** An enrollment of a Nässjö youth, kept by Nässjö's register (the SCB form's address). */
export function nassjoEnrollment(): { youthId: string; id: number } {
  return lookup<{ youthId: string; id: number }>(
    `SELECT e.youth_id AS youthId, e.id FROM enrollments e JOIN municipalities m ON m.id = e.municipality_id
     JOIN youths y ON y.id = e.youth_id WHERE m.code = '0682' AND y.home_municipality_id = m.id ORDER BY e.id LIMIT 1`,
  );
}

export function nassjoNoticeId(): number {
  return lookup<{ id: number }>("SELECT n.id FROM notices n JOIN municipalities m ON m.id = n.home_municipality_id WHERE m.code = '0682' ORDER BY n.id LIMIT 1")
    .id;
}

/** A seeded notice filed by the demo school (skola@demo.example's school), or by another school. */
export function schoolNoticeId(own: boolean): number {
  return lookup<{ id: number }>(
    `SELECT n.id FROM notices n WHERE n.school_organisation_id ${own ? "=" : "<>"}
       (SELECT m.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.username = 'skola@demo.example')
     ORDER BY n.id LIMIT 1`,
  ).id;
}

export function userId(username: string): number {
  return lookup<{ id: number }>("SELECT id FROM users WHERE username = ?", username).id;
}

/** The first active type in Nässjö's intervention catalogue. */
export function nassjoInterventionTypeId(): number {
  return lookup<{ id: number }>(
    "SELECT t.id FROM intervention_types t JOIN municipalities m ON m.id = t.municipality_id WHERE m.code = '0682' AND t.active = 1 ORDER BY t.position LIMIT 1",
  ).id;
}

const SOCIAL_SERVICES = "Socialtjänsten Nässjö, barn och unga";

/**
 * A Nässjö youth by the state of its consents towards socialtjänsten: one in force, one withdrawn,
 * or none at all. The seed makes each (db/seed-consents.ts); the lowest id is the seeded one.
 */
export function consentYouth(state: "active" | "withdrawn" | "none"): string {
  if (state === "none") {
    return lookup<{ id: string }>(
      `SELECT y.id FROM youths y JOIN municipalities m ON m.id = y.home_municipality_id
       WHERE m.code = '0682' AND ${NOT_DEMO_CITIZEN} AND y.protected_identity = 0 AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.youth_id = y.id)
       ORDER BY y.name_sort DESC LIMIT 1`,
    ).id;
  }
  return lookup<{ id: string }>(
    `SELECT c.youth_id AS id FROM consents c JOIN consent_recipients r ON r.consent_id = c.id JOIN organisations o ON o.id = r.organisation_id
     WHERE o.name = ? AND ${state === "active" ? "c.withdrawn_date IS NULL AND c.valid_from <= date('now') AND c.valid_until >= date('now')" : "c.withdrawn_date IS NOT NULL"}
     ORDER BY c.id LIMIT 1`,
    SOCIAL_SERVICES,
  ).id;
}

export function consentId(youthId: string): number {
  return lookup<{ id: number }>("SELECT id FROM consents WHERE youth_id = ? ORDER BY id LIMIT 1", youthId).id;
}

/**
 * The first seeded referral to socialtjänsten in a state: "open" (sent, or received once opened)
 * rests on a consent in force, "revoked" on a withdrawn one, "closed" on an expired one.
 */
export function referralTo(state: "open" | "revoked" | "closed"): number {
  const statuses = state === "open" ? ["sent", "received"] : [state];
  return lookup<{ id: number }>(
    `SELECT r.id FROM referrals r JOIN organisations o ON o.id = r.recipient_organisation_id
     WHERE o.name = ? AND r.status IN (${statuses.map(() => "?").join(", ")}) ORDER BY r.id LIMIT 1`,
    SOCIAL_SERVICES,
    ...statuses,
  ).id;
}

/** The seeded report of concern the KAA unit sent to socialtjänsten. */
export function kaaConcernReportId(): number {
  return lookup<{ id: number }>("SELECT id FROM concern_reports WHERE youth_id IS NOT NULL ORDER BY id LIMIT 1").id;
}

/** A seeded forum of Nässjö by name. */
export function forumId(name: string): number {
  return lookup<{ id: number }>("SELECT id FROM forums WHERE name = ?", name).id;
}

/** The first seeded meeting of a forum in the given status (the browser tests add their own later). */
export function seededMeetingId(forumName: string, status: "planned" | "minutes_approved"): number {
  return lookup<{ id: number }>(
    "SELECT m.id FROM meetings m JOIN forums f ON f.id = m.forum_id WHERE f.name = ? AND m.status = ? ORDER BY m.id LIMIT 1",
    forumName,
    status,
  ).id;
}

export const STEERING_GROUP = "Styrgruppen för aktivitetsansvaret";
export const COLLABORATION_FORUM = "Samverkansforum för unga 16–20 år";
export const WORKING_GROUP = "Arbetsgruppen KAA Nässjö";

/** Nässjö's seeded annual report: the approved one (last finished läsår) or the draft (the läsår under way). */
export function annualReportId(status: "approved" | "draft"): number {
  return lookup<{ id: number }>(
    "SELECT r.id FROM annual_reports r JOIN municipalities m ON m.id = r.municipality_id WHERE m.code = '0682' AND r.status = ? ORDER BY r.id LIMIT 1",
    status,
  ).id;
}

/** Nässjö's first seeded goal (Kontakt inom fyra veckor ≥ 90 % per tertial). */
export function nassjoGoalId(): number {
  return lookup<{ id: number }>(
    "SELECT g.id FROM steering_goals g JOIN municipalities m ON m.id = g.municipality_id WHERE m.code = '0682' ORDER BY g.id LIMIT 1",
  ).id;
}

/** The organisation of a demo account's (first) membership. */
export function organisationOf(username: string): number {
  return lookup<{ id: number }>(
    "SELECT m.organisation_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.username = ? AND m.ended_at IS NULL ORDER BY m.id LIMIT 1",
    username,
  ).id;
}

/** The newest complete school list of a demo account's organisation (the seed has none: a test uploads one first). */
export function schoolListOf(username: string): number {
  return lookup<{ id: number }>(
    "SELECT id FROM school_lists WHERE organisation_id = ? AND completed_at IS NOT NULL ORDER BY id DESC LIMIT 1",
    organisationOf(username),
  ).id;
}

/** The seeded SS 12000 connection (Nässjö kommuns skolsystem). */
export function schoolSystemConnectionId(): number {
  return lookup<{ id: number }>("SELECT id FROM school_system_connections ORDER BY id LIMIT 1").id;
}

/** The newest SCB export of Nässjö (the authorisation matrix makes one before it runs). */
export function nassjoScbExportId(): number {
  return lookup<{ id: number }>(
    "SELECT s.id FROM scb_exports s JOIN municipalities m ON m.id = s.municipality_id WHERE m.code = '0682' ORDER BY s.id DESC LIMIT 1",
  ).id;
}

/** Nässjö's newest stickprov (the authorisation matrix draws one first). */
export function nassjoSampleId(): number {
  return lookup<{ id: number }>(
    "SELECT s.id FROM internal_control_samples s JOIN municipalities m ON m.id = s.municipality_id WHERE m.code = '0682' ORDER BY s.id DESC LIMIT 1",
  ).id;
}

/** Draws a stickprov of Nässjö's register as the samordnare, through the form's endpoint; answers its id. */
export async function drawNassjoSample(request: APIRequestContext, baseURL: string, seed: string, size = 3): Promise<number> {
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const response = await request.post("/uppfoljning/stickprov", {
    form: { size: String(size), seed, period: "intervall", fran: yearAgo, till: today, state: "all", handlaggare: "alla" },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status(), "draw a stickprov").toBe(302);
  return Number(/\/uppfoljning\/stickprov\/(\d+)$/.exec(response.headers()["location"] ?? "")?.[1]);
}

/** The demo granskare's seeded grant on the first demo stickprov: the one in force, or the one run out (db/seed-review.ts). */
export function auditorGrantId(state: "in_force" | "expired"): number {
  return lookup<{ id: number }>(
    `SELECT g.id FROM review_grants g JOIN memberships m ON m.id = g.membership_id JOIN users u ON u.id = m.user_id
     WHERE u.username = 'granskare@demo.example' AND g.revoked_at IS NULL AND ${state === "in_force" ? "g.valid_until >= date('now')" : "g.valid_until < date('now')"}
     ORDER BY g.id LIMIT 1`,
  ).id;
}

/** The seeded demo stickprov: the one the granskare holds a grant for, or the one without (a browser test gives one). */
export function reviewSampleId(which: "granted" | "ungranted"): number {
  return lookup<{ id: number }>("SELECT id FROM internal_control_samples WHERE seed = ?", which === "granted" ? "demo-granskning-1" : "demo-granskning-2").id;
}
