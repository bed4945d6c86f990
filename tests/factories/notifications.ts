import { and, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "#db/client";
import { notifications, users, youths } from "#db/schema";
import { config } from "~/config.server";
import { EMAIL_BY_DEFAULT } from "~/modules/notifications/labels";
import { deliverDueMail } from "~/modules/notifications/mail-delivery.server";
import { containsPersonalNumber } from "~/modules/notifications/outbox.server";
import { displayPersonalNumber } from "~/modules/youth/personal-number";
import type { TestSmtp } from "../setup/smtp";

type NoticeRow = typeof notifications.$inferSelect;

/** The in-app notices of a topic (optionally of one kind), oldest first, with who got them. */
export function noticesOn(topic: string, kinds?: string[]) {
  return getDb()
    .select()
    .from(notifications)
    .where(kinds ? and(eq(notifications.topic, topic), inArray(notifications.kind, kinds as never[])) : eq(notifications.topic, topic))
    .orderBy(notifications.id)
    .all();
}

/** The youth's name and personnummer as the factory made them: what no notice may carry. */
export function youthWords(youthId: string) {
  const y = getDb().select().from(youths).where(eq(youths.id, youthId)).get()!;
  return [y.firstName, y.lastName, y.personalNumber, displayPersonalNumber(y.personalNumber), y.personalNumber.slice(-10)];
}

/** No title, body or link of the notices names the person or carries the personnummer. */
export function expectNoPersonalData(rows: readonly { title: string; body: string | null; link: string | null }[], words: readonly string[]) {
  for (const row of rows) {
    const text = `${row.title} ${row.body ?? ""} ${row.link ?? ""}`;
    for (const word of words) expect(text, `notice "${row.title}"`).not.toContain(word);
  }
}

/**
 * Delivers the outbox to the test SMTP server and checks that every notice of `rows` whose kind goes
 * by e-mail arrived at its user's address with the notice's title as subject, and that no mail
 * carries a personnummer or any of `words` (the youth's name, free text from the case).
 */
export async function expectMailed(smtp: TestSmtp, rows: readonly NoticeRow[], words: readonly string[]) {
  await deliverDueMail();
  const mailed = rows.filter((r) => EMAIL_BY_DEFAULT.has(r.kind));
  expect(mailed.length, "notices that go by e-mail").toBeGreaterThan(0);
  for (const row of mailed) {
    const address = getDb().select({ username: users.username }).from(users).where(eq(users.id, row.userId)).get()!.username;
    const mail = await smtp.waitFor((m) => m.to.includes(address) && m.subject === row.title);
    expect(containsPersonalNumber(`${mail.subject}\n${mail.text}`), `mail "${mail.subject}"`).toBe(false);
    for (const word of words) expect(`${mail.subject}\n${mail.text}`, `mail "${mail.subject}"`).not.toContain(word);
    if (row.link) expect(mail.text).toContain(`${config().mailOrigin}${row.link}`);
  }
}
