import type { Role } from "#db/schema";

export type NavItem = { to: string; label: string };
/** A group of the main menu; a role with one group shows it without a heading. */
export type NavGroup = { heading: string | null; items: NavItem[] };

// Forums and meetings: every role that can sit in a forum (not the systemförvaltare).
const SAMVERKAN: NavItem = { to: "/samverkan", label: "Samverkan" };
// The follow-up in aggregates: the KAA unit (exact) and the styrgrupp (small numbers hidden).
const FOLLOW_UP: NavItem = { to: "/uppfoljning", label: "Uppföljning" };

// School lists (issue 14): schools and the samordnare upload them; caseworkers do not.
const SCHOOL_LISTS: NavItem = { to: "/skollistor", label: "Skollistor" };
const START: NavItem = { to: "/start", label: "Start" };

/**
 * The KAA unit's menu is long (fourteen links for the samordnare): grouped by what the work is
 * about, so that it reads as five short lists on a phone rather than one long one.
 */
function kaaMenu(coordinator: boolean): NavGroup[] {
  return [
    {
      heading: "Arbete",
      items: [START, { to: "/att-gora", label: "Att göra" }, { to: "/inkorg", label: "Inkorg" }],
    },
    {
      heading: "Ungdomar",
      items: [
        { to: "/ungdomar", label: "Ungdomsregistret" },
        { to: "/ungdomar/ny", label: "Registrera ungdom" },
        { to: "/dokumentation", label: "Dokumentation" },
        ...(coordinator ? [{ to: "/malgrupp", label: "Målgruppen" }, SCHOOL_LISTS] : []),
      ],
    },
    { heading: "Samverkan", items: [{ to: "/remisser", label: "Remisser" }, SAMVERKAN] },
    { heading: "Uppföljning", items: [FOLLOW_UP, ...(coordinator ? [{ to: "/loggkontroll", label: "Loggkontroll" }] : [])] },
    {
      heading: "Inställningar",
      items: [
        { to: "/kontaktrutin", label: "Kontaktrutin" },
        { to: "/insatstyper", label: "Insatskatalog" },
        // Printed on every letter (issue 16): the samordnare keeps them.
        ...(coordinator ? [{ to: "/kontaktuppgifter", label: "Kontaktuppgifter" }] : []),
      ],
    },
  ];
}

const single = (...items: NavItem[]): NavGroup[] => [{ heading: null, items }];

/** The main menu of each role: only what that role may open. */
export const NAVIGATION: Record<Role, NavGroup[]> = {
  kaa_coordinator: kaaMenu(true),
  kaa_caseworker: kaaMenu(false),
  school_staff: single(
    START,
    { to: "/anmalningar", label: "Anmälningar" },
    { to: "/anmalningar/ny", label: "Ny anmälan" },
    { to: "/anmalningar/importera", label: "Importera" },
    SCHOOL_LISTS,
    { to: "/remisser", label: "Remisser" },
    { to: "/orosanmalningar", label: "Orosanmälan" },
    SAMVERKAN,
  ),
  social_worker: single(START, { to: "/remisser", label: "Remisser" }, { to: "/orosanmalningar", label: "Orosanmälningar" }, SAMVERKAN),
  employment_officer: single(START, { to: "/remisser", label: "Remisser" }, SAMVERKAN),
  steering_member: single(START, FOLLOW_UP, SAMVERKAN),
  system_admin: single(
    START,
    { to: "/admin/organisationer", label: "Organisationer" },
    { to: "/admin/anvandare", label: "Användare" },
    { to: "/admin/kommuner", label: "Kommuner" },
    { to: "/admin/skolsystem", label: "Skolsystem" },
    { to: "/admin/tvastegsverifiering", label: "Tvåstegsverifiering" },
    { to: "/admin/inloggning", label: "Inloggning" },
  ),
  // The granskare reads the stickprov cases a grant in force opens, and nothing else.
  auditor: single(START, { to: "/granskning", label: "Granskning" }),
};

/** Every link of a role's menu, in menu order (the start page lists them). */
export function navigationLinks(role: Role): NavItem[] {
  return NAVIGATION[role].flatMap((group) => group.items);
}
