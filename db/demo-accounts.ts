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

/** A person with two roles, to show the choice of active membership. */
export const DEMO_MULTI_ROLE = {
  username: "flera-roller@demo.example",
  displayName: "Lena Ström",
  memberships: [
    { role: "kaa_caseworker", org: "kaa" },
    { role: "steering_member", org: "steering" },
  ],
} as const;
