/**
 * The e-mail that tells of a notice: its title as the subject, its body, and an absolute link into
 * the portal, where access is checked again. Titles and bodies say what happened in general terms
 * and never name a youth (the outbox also refuses any text holding a personnummer).
 */
import type { NotificationKind } from "#db/schema";
import { NOTIFICATION_KIND_LABELS } from "./labels";

export const PREFERENCES_PAGE = "/installningar/meddelanden";

export function noticeEmailText(
  notice: { kind: NotificationKind; title: string; body?: string | null; link?: string | null },
  origin: string,
  to: "person" | "mailbox",
): string {
  const lines = [notice.title, ""];
  if (notice.body) lines.push(notice.body, "");
  if (notice.link) lines.push("Läs mer i Samverkansportalen (inloggning krävs):", `${origin}${notice.link}`, "");
  lines.push(
    to === "person"
      ? `Du får e-post om "${NOTIFICATION_KIND_LABELS[notice.kind]}" enligt dina inställningar. Ändra dem här: ${origin}${PREFERENCES_PAGE}`
      : "Meddelandet går till organisationens funktionsbrevlåda i Samverkansportalen.",
    "Meddelandet är skickat automatiskt från Samverkansportalen och går inte att svara på.",
  );
  return lines.join("\n");
}
