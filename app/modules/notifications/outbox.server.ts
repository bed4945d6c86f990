/**
 * Putting e-mail in the outbox. Always inside the caller's transaction, so an e-mail exists exactly
 * when what it tells about does; the delivery run (mail-delivery.server.ts) sends it later. Before
 * anything is stored, the text is checked for a personnummer or samordningsnummer: e-mail leaves
 * the portal, and the rule is that it carries no personal data about a youth.
 */
import type { Db, Tx } from "#db/client";
import { emailOutbox, type NotificationKind } from "#db/schema";
import { config } from "~/config.server";
import { parsePersonalNumber } from "~/modules/youth/personal-number";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  kind?: NotificationKind | null;
  /** Who caused it: told in the portal if delivery finally fails. */
  causedByMembershipId?: number | null;
  /** The portal page it is about (relative), for that failure notice. */
  link?: string | null;
};

// Ten or twelve digits, optionally with a dash, plus or space before the last four, not inside a
// longer run of digits. Each candidate is then checked for a real date and check digit.
const CANDIDATE = /(?<!\d)(?:\d{8}|\d{6})[-+ ]?\d{4}(?!\d)/g;

/** True if the text holds anything that passes as a personnummer or samordningsnummer. */
export function containsPersonalNumber(text: string): boolean {
  // Addresses (a video meeting's link) are left out: their digit runs are ids, not people.
  const withoutLinks = text.replace(/\bhttps?:\/\/\S+/g, " ");
  return [...withoutLinks.matchAll(CANDIDATE)].some((m) => parsePersonalNumber(m[0].replace(" ", "")).ok);
}

export class PersonalDataInEmailError extends Error {
  constructor() {
    super("Ett e-postmeddelande innehöll ett personnummer och stoppades.");
    this.name = "PersonalDataInEmailError";
  }
}

/**
 * Stores one e-mail for delivery. Returns its outbox id, or null when nothing was stored: e-mail is
 * not configured (production without SMTP settings), or (in production) the text held a
 * personnummer. In demo and test mode such a text throws, so the mistake is found before release.
 */
export function enqueueEmail(tx: Db | Tx, email: OutgoingEmail): number | null {
  if (!config().smtp) return null;
  if (containsPersonalNumber(`${email.subject}\n${email.text}`)) {
    if (config().PORTAL_MODE !== "production") throw new PersonalDataInEmailError();
    // Neither the text nor the address is logged: only that one was stopped, and of which kind.
    console.warn(`E-post stoppades: texten innehöll ett personnummer (typ ${email.kind ?? "okänd"}).`);
    return null;
  }
  return tx
    .insert(emailOutbox)
    .values({
      toAddress: email.to,
      subject: email.subject,
      text: email.text,
      kind: email.kind ?? null,
      causedByMembershipId: email.causedByMembershipId ?? null,
      link: email.link ?? null,
    })
    .returning({ id: emailOutbox.id })
    .get().id;
}
