import { and, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "#db/client";
import { notifications, youths } from "#db/schema";
import { displayPersonalNumber } from "~/modules/youth/personal-number";

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
