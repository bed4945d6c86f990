import type { Role } from "#db/schema";

export type NavItem = { to: string; label: string };

// Forums and meetings: every role that can sit in a forum (not the systemförvaltare).
const SAMVERKAN: NavItem = { to: "/samverkan", label: "Samverkan" };
// The follow-up in aggregates: the KAA unit (exact) and the styrgrupp (small numbers hidden).
const FOLLOW_UP: NavItem = { to: "/uppfoljning", label: "Uppföljning" };

// School lists (issue 14): schools and the samordnare upload them; caseworkers do not.
const SCHOOL_LISTS: NavItem = { to: "/skollistor", label: "Skollistor" };

const KAA: NavItem[] = [
  { to: "/start", label: "Start" },
  { to: "/att-gora", label: "Att göra" },
  { to: "/inkorg", label: "Inkorg" },
  { to: "/ungdomar", label: "Ungdomsregistret" },
  { to: "/ungdomar/ny", label: "Registrera ungdom" },
  { to: "/dokumentation", label: "Dokumentation" },
  { to: "/remisser", label: "Remisser" },
  { to: "/kontaktrutin", label: "Kontaktrutin" },
  { to: "/insatstyper", label: "Insatskatalog" },
  FOLLOW_UP,
  SAMVERKAN,
];

/** The main menu of each role: only what that role may open. */
export const NAVIGATION: Record<Role, NavItem[]> = {
  kaa_coordinator: [
    ...KAA,
    { to: "/malgrupp", label: "Målgruppen" },
    SCHOOL_LISTS,
    { to: "/loggkontroll", label: "Loggkontroll" },
    // Printed on every letter (issue 16): the samordnare keeps them.
    { to: "/kontaktuppgifter", label: "Kontaktuppgifter" },
  ],
  kaa_caseworker: KAA,
  school_staff: [
    { to: "/start", label: "Start" },
    { to: "/anmalningar", label: "Anmälningar" },
    { to: "/anmalningar/ny", label: "Ny anmälan" },
    { to: "/anmalningar/importera", label: "Importera" },
    SCHOOL_LISTS,
    { to: "/remisser", label: "Remisser" },
    { to: "/orosanmalningar", label: "Orosanmälan" },
    SAMVERKAN,
  ],
  social_worker: [{ to: "/start", label: "Start" }, { to: "/remisser", label: "Remisser" }, { to: "/orosanmalningar", label: "Orosanmälningar" }, SAMVERKAN],
  employment_officer: [{ to: "/start", label: "Start" }, { to: "/remisser", label: "Remisser" }, SAMVERKAN],
  steering_member: [{ to: "/start", label: "Start" }, FOLLOW_UP, SAMVERKAN],
  system_admin: [
    { to: "/start", label: "Start" },
    { to: "/admin/organisationer", label: "Organisationer" },
    { to: "/admin/anvandare", label: "Användare" },
    { to: "/admin/kommuner", label: "Kommuner" },
    { to: "/admin/skolsystem", label: "Skolsystem" },
  ],
  // The granskare reads the stickprov cases a grant in force opens, and nothing else.
  auditor: [
    { to: "/start", label: "Start" },
    { to: "/granskning", label: "Granskning" },
  ],
};
