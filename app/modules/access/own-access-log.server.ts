/**
 * The youth's own view of the access log (GDPR art. 15, the registerutdrag): who accessed their file,
 * when, what and on what ground. Only the youth (relation self) gets it; a guardian does not, because the
 * log shows the youth's own contacts with staff and other authorities.
 *
 * Read along the log's (youth_id, at) index. Lists and searches (a caseworker's worklist shows the youth
 * every day) are summarised per day and person, one line each, so years of worklists stay readable; every
 * other access is a line per day, person, part of the file, action and ground, with how many times.
 */
import { desc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { auditEvents, organisations, users } from "#db/schema";
import { notFound } from "~/lib/http";
import { todayIso } from "~/lib/dates";
import type { OwnFile } from "./handles.server";

export type OwnAccessLine = {
  day: string;
  /** The latest time on that day the line stands for. */
  lastAt: string;
  who: string;
  organisation: string | null;
  role: string | null;
  action: string;
  /** The parts of the file (one, or for a summarised list/search, all the lists showed). */
  sections: string[];
  outcome: "allowed" | "denied";
  basis: string | null;
  basisRef: string | null;
  times: number;
};

const SUMMARISED = new Set(["list", "search"]);

/**
 * Whoever filed a report of concern about the youth is not named anywhere in the youth's log: the reporter's
 * identity may be secret toward the family (OSL 26 kap. 5 §), and their other accesses the same days would
 * point to them. The report itself is listed with its date and recipient (registerutdrag.server.ts).
 */
export const REPORTER_NOT_NAMED = "En person som har gjort en orosanmälan (namnet lämnas inte ut)";
/** Someone signed in on Mina sidor who tried to open this file and was refused: not named to the youth either. */
export const REFUSED_CITIZEN = "Någon som inte har rätt till dina uppgifter (nekades)";

export function ownAccessLog(file: OwnFile<"identity">): OwnAccessLine[] {
  // The kernel's rule, again here: the log is the youth's own, never a guardian's.
  if (file.relation !== "self") throw notFound();
  const rows = getDb()
    .select({
      at: auditEvents.at,
      userId: auditEvents.userId,
      who: users.displayName,
      organisationId: auditEvents.organisationId,
      organisation: organisations.name,
      role: auditEvents.role,
      section: auditEvents.section,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      basis: auditEvents.basis,
      basisRef: auditEvents.basisRef,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
    .where(eq(auditEvents.youthId, file.id))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .all();
  const reporters = new Set(rows.filter((row) => row.section === "concern_reports" && row.action === "create").map((row) => row.userId));
  const lines = new Map<string, OwnAccessLine>();
  for (const row of rows) {
    const hidden = reporters.has(row.userId) ? REPORTER_NOT_NAMED : row.basisRef === "not_own_file" ? REFUSED_CITIZEN : null;
    // The Swedish calendar day: the log is in UTC.
    const day = todayIso(new Date(row.at));
    const summarised = SUMMARISED.has(row.action);
    const key = [day, row.userId, row.organisationId, row.role, row.action, row.outcome, ...(summarised ? [] : [row.section, row.basis, row.basisRef])].join(
      "|",
    );
    const line = lines.get(key);
    if (line) {
      line.times += 1;
      if (!line.sections.includes(row.section)) line.sections.push(row.section);
      continue;
    }
    lines.set(key, {
      day,
      lastAt: row.at,
      who: hidden ?? row.who ?? "Okänd användare",
      organisation: hidden ? null : row.organisation,
      role: hidden ? null : row.role,
      action: row.action,
      sections: [row.section],
      outcome: row.outcome,
      basis: row.basis,
      basisRef: row.basisRef,
      times: 1,
    });
  }
  return [...lines.values()];
}
