import type { Role } from "./schema";

/** The demo accounts (demo and test mode only), shared by the seed, the README and the browser tests. */
export const DEMO_PASSWORD = "demo-lösenord-2026";

export const DEMO_ACCOUNTS = [
  { username: "samordnare@demo.example", displayName: "Karin Lindqvist", role: "kaa_coordinator", org: "kaa" },
  { username: "handlaggare@demo.example", displayName: "Ali Hassan", role: "kaa_caseworker", org: "kaa" },
  { username: "skola@demo.example", displayName: "Eva Berg", role: "school_staff", org: "school1" },
  { username: "socialtjanst@demo.example", displayName: "Johan Ek", role: "social_worker", org: "soc" },
  { username: "arbetsformedlingen@demo.example", displayName: "Maria Nilsson", role: "employment_officer", org: "af" },
  { username: "styrgrupp@demo.example", displayName: "Per Holm", role: "steering_member", org: "steering" },
  { username: "admin@demo.example", displayName: "Sara Lind", role: "system_admin", org: null },
  { username: "kaa-jonkoping@demo.example", displayName: "Oskar Jönsson", role: "kaa_caseworker", org: "kaaJkpg" },
  // A revisor who may read the cases of a stickprov while a grant is in force (db/seed-review.ts).
  { username: "granskare@demo.example", displayName: "Ingrid Sjöberg", role: "auditor", org: "kaa" },
] as const satisfies readonly { username: string; displayName: string; role: Role; org: string | null }[];

/**
 * Accounts only the MFA browser test signs in as (tests/e2e/mfa.spec.ts): it sets up the app and a passkey
 * on them, which would change how every other spec's account signs in. Roles that must use MFA.
 */
export const DEMO_MFA_ACCOUNTS = [
  { username: "tvasteg-app@demo.example", displayName: "Tove Appelqvist", role: "steering_member", org: "steering" },
  { username: "tvasteg-nyckel@demo.example", displayName: "Nils Nyckelby", role: "steering_member", org: "steering" },
] as const satisfies readonly { username: string; displayName: string; role: Role; org: string | null }[];

/** A person with two roles, to show the choice of active membership. */
export const DEMO_MULTI_ROLE = {
  username: "flera-roller@demo.example",
  displayName: "Lena Ström",
  memberships: [
    { role: "kaa_caseworker", org: "kaa" },
    { role: "steering_member", org: "steering" },
  ],
} as const;

/**
 * Demo youths and guardians who sign in to Mina sidor with the demo e-legitimation (the local OIDC provider,
 * tests/mocks/oidc-provider.ts). Fixed personnummer (test data, built with a valid check digit by the seed);
 * birth dates early in the year, relative to the current one, so each keeps their age all year but January.
 * Each browser test that writes uses its own youth: they run in parallel on one demo database.
 */
export type DemoCitizen = {
  key: string;
  firstName: string;
  lastName: string;
  /** Age this year; the birth date is `${year - age}-${monthDay}`. */
  age: number;
  monthDay: string;
  serial: number;
  /** In the Nässjö register (enrolled, caseworker Ali Hassan), or not in any register. */
  inRegister: boolean;
  protectedIdentity?: boolean;
  /** Keys of the guardians the population register names for this youth. */
  guardians?: string[];
  /** What the demo shows with this person. */
  purpose: string;
};

export const DEMO_CITIZENS = [
  {
    key: "elin",
    firstName: "Elin",
    lastName: "Sandberg",
    age: 19,
    monthDay: "01-14",
    serial: 871,
    inRegister: true,
    purpose: "Ungdom 19 år: plan, insatser, samtycke till socialtjänsten (webbläsartestet)",
  },
  {
    key: "noah",
    firstName: "Noah",
    lastName: "Wikström",
    age: 17,
    monthDay: "02-03",
    serial: 873,
    inRegister: true,
    guardians: ["anna"],
    purpose: "Ungdom 17 år med en vårdnadshavare och ett förberett samtycke",
  },
  { key: "anna", firstName: "Anna", lastName: "Wikström", age: 46, monthDay: "01-20", serial: 882, inRegister: false, purpose: "Vårdnadshavare till Noah" },
  {
    key: "hugo",
    firstName: "Hugo",
    lastName: "Lund",
    age: 17,
    monthDay: "01-09",
    serial: 875,
    inRegister: true,
    protectedIdentity: true,
    guardians: ["petra"],
    purpose: "Ungdom 17 år med skyddad identitet: vårdnadshavaren får inte se något",
  },
  {
    key: "petra",
    firstName: "Petra",
    lastName: "Lund",
    age: 44,
    monthDay: "01-27",
    serial: 884,
    inRegister: false,
    purpose: "Vårdnadshavare till Hugo (nekas)",
  },
  {
    key: "okand",
    firstName: "Vera",
    lastName: "Okänd",
    age: 18,
    monthDay: "01-05",
    serial: 877,
    inRegister: false,
    purpose: "Finns inte i registret: sidan säger att portalen inte har några uppgifter",
  },
] as const satisfies readonly DemoCitizen[];

export type DemoCitizenKey = (typeof DEMO_CITIZENS)[number]["key"];

/** The demo citizen's birth date this year (ISO). */
export function demoCitizenBirthDate(citizen: DemoCitizen, year = new Date().getFullYear()): string {
  return `${year - citizen.age}-${citizen.monthDay}`;
}
