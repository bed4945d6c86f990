/** The access log in words, shared by the log review page, its export and the youth's registerutdrag. */
import { ROLE_LABELS } from "~/modules/organizations/labels";

export const SECTION_LABELS: Record<string, string> = {
  identity: "Identitet och kontaktuppgifter",
  protected_address: "Skyddad adress",
  enrollment: "Inskrivning",
  contacts: "Kontakter",
  notices: "Anmälningar",
  assessment: "Kartläggning",
  plan: "Plan och insatser",
  referrals: "Remisser",
  consents: "Samtycken",
  concern_reports: "Orosanmälan",
  school_lists: "Skollista",
};

export const ACTION_LABELS: Record<string, string> = {
  read: "Läste",
  list: "Visades i lista",
  write: "Ändrade",
  create: "Registrerade",
  search: "Sökte fram",
  lookup: "Slog upp i folkbokföringen",
  export: "Exporterades (SCB)",
};

export const BASIS_FILTER_LABELS: Record<string, string> = {
  register_keeper: "Registeransvar (KAA)",
  consent: "Samtycke",
  referral: "Remiss",
  concern_report: "Orosanmälan",
  notice_sender: "Anmälande skola",
  review: "Granskning",
  data_subject: "Den registrerade (du själv)",
  guardian: "Vårdnadshavare",
  denied: "Nekad åtkomst",
};

/** Who acted, by role: staff roles, and the youth and guardian on Mina sidor. */
const AUDIT_ROLE_LABELS: Record<string, string> = { ...ROLE_LABELS, youth: "Ungdomen (Mina sidor)", guardian: "Vårdnadshavare (Mina sidor)" };

export function describeRole(role: string | null) {
  return role ? (AUDIT_ROLE_LABELS[role] ?? role) : "";
}

/** Grounds that are not a filter of the log review: a school's own list (basisRef: the list's id). */
const OTHER_BASIS_LABELS: Record<string, string> = { school_list_owner: "Egen skollista" };

const DENIAL_LABELS: Record<string, string> = {
  not_found: "finns inte",
  role: "rollen saknar behörighet",
  other_municipality: "annan kommuns register",
  protected_identity: "skyddad identitet",
  no_consent: "inget gällande samtycke",
  referral_revoked: "remissen återkallad",
  no_review_grant: "ingen gällande granskning",
  not_own_file: "inte den egna akten (Mina sidor)",
  guardian_ended: "vårdnadshavarens åtkomst har upphört",
  reauthentication_required: "inloggningen var för gammal (kräver ny legitimering)",
};

/** Grounds that rest on a record of their own, named by its number in basisRef. */
const NUMBERED_BASES = new Set(["consent", "referral", "concern_report", "school_list_owner", "review"]);

/**
 * "Registeransvar (KAA)", "Registeransvar (KAA), SCB-export 3", "Samtycke 12", "Remiss 4", "Orosanmälan 2",
 * "Granskning 3" (the stickprov) or "Nekad: …".
 */
export function describeBasis(row: { outcome: string; basis: string | null; basisRef: string | null; action?: string }) {
  if (row.outcome !== "allowed") return `Nekad: ${DENIAL_LABELS[row.basisRef ?? ""] ?? row.basisRef ?? ""}`;
  const label = BASIS_FILTER_LABELS[row.basis ?? ""] ?? OTHER_BASIS_LABELS[row.basis ?? ""] ?? row.basis ?? "";
  // Which file the youth went out in (the export's id), so the log review can be matched to the export history.
  if (row.action === "export" && row.basisRef) return `${label}, SCB-export ${row.basisRef}`;
  return NUMBERED_BASES.has(row.basis ?? "") ? `${label} ${row.basisRef ?? ""}`.trim() : label;
}
