/**
 * The demo's identity providers, shared by the seed (db/seed-identity.ts, the portal's side: identity_providers
 * rows and account links) and the demo provider (tests/mocks/oidc-provider.ts, the provider's side: clients and
 * people). Demo and test data only: the secrets are public, the personnummer invented.
 */
import { DEMO_ACCOUNTS, DEMO_CITIZENS, DEMO_MULTI_ROLE } from "./demo-accounts";
import { demoCitizenPersonalNumber } from "../app/modules/youth/demo-citizens";
import { OIDC_CALLBACK_PATHS, SIGNED_OUT_PATHS } from "../app/modules/auth/oidc-paths";
import type { DemoIdentityAccount, DemoIdentityClient } from "../tests/mocks/oidc-provider";

export type DemoProviderDefinition = {
  clientId: string;
  clientSecret: string;
  purpose: "staff" | "citizen";
  displayName: string;
  /** Kommunkod of a staff provider's municipality. */
  municipalityCode: string | null;
};

export const DEMO_IDENTITY_PROVIDERS = [
  {
    clientId: "samverkan-nassjo",
    clientSecret: "demo-hemlighet-nassjo",
    purpose: "staff",
    displayName: "Nässjö kommuns inloggning (demo)",
    municipalityCode: "0682",
  },
  {
    clientId: "samverkan-jonkoping",
    clientSecret: "demo-hemlighet-jonkoping",
    purpose: "staff",
    displayName: "Jönköpings kommuns inloggning (demo)",
    municipalityCode: "0680",
  },
  {
    clientId: "samverkan-e-legitimation",
    clientSecret: "demo-hemlighet-e-legitimation",
    purpose: "citizen",
    displayName: "BankID eller Freja eID (demo)",
    municipalityCode: null,
  },
] as const satisfies readonly DemoProviderDefinition[];

/** The demo staff member's subject at the demo provider (stable, opaque like an Entra ID `sub`). */
export function demoStaffSubject(username: string) {
  return `demo-${username.split("@")[0]}`;
}

/** The kommunkod of the provider a demo account signs in with; Jönköping's KAA unit has its own. */
export function demoStaffMunicipalityCode(org: string | null) {
  return org === "kaaJkpg" ? "0680" : "0682";
}

/** Staff who sign in by SSO in the demo: every demo account with an organisation (the system admin uses a password). */
export const DEMO_SSO_STAFF = [
  ...DEMO_ACCOUNTS.filter((a) => a.org !== null).map((a) => ({ username: a.username, displayName: a.displayName, org: a.org as string })),
  { username: DEMO_MULTI_ROLE.username, displayName: DEMO_MULTI_ROLE.displayName, org: DEMO_MULTI_ROLE.memberships[0].org },
];

/** The people on the demo provider's sign-in page. */
export function demoIdentityAccounts(year = new Date().getFullYear()): DemoIdentityAccount[] {
  return [
    ...DEMO_SSO_STAFF.map((s) => ({ kind: "staff" as const, sub: demoStaffSubject(s.username), name: s.displayName, email: s.username })),
    ...DEMO_CITIZENS.map((c) => ({
      kind: "citizen" as const,
      sub: `demo-medborgare-${c.key}`,
      givenName: c.firstName,
      familyName: c.lastName,
      personalNumber: demoCitizenPersonalNumber(c, year),
      note: c.purpose,
    })),
  ];
}

/** The portal's clients at the demo provider, allowed back to each of the portal's origins. */
export function demoIdentityClients(origins: string[]): DemoIdentityClient[] {
  return DEMO_IDENTITY_PROVIDERS.map((p) => {
    return {
      clientId: p.clientId,
      clientSecret: p.clientSecret,
      kind: p.purpose,
      name: "Samverkansportalen",
      redirectUris: origins.map((o) => `${o}${OIDC_CALLBACK_PATHS[p.purpose]}`),
      postLogoutRedirectUris: origins.map((o) => `${o}${SIGNED_OUT_PATHS[p.purpose]}`),
    };
  });
}
