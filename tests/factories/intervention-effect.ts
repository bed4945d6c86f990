/** Rows for the intervention-effect tests: a contact attempt that records what the youth is doing. */
import { getDb } from "#db/client";
import { contactAttempts, type Occupation } from "#db/schema";

export function statOccupation(e: { id: number; youthId: string }, by: number, date: string, occupation: Occupation) {
  getDb()
    .insert(contactAttempts)
    .values({ enrollmentId: e.id, youthId: e.youthId, channel: "phone", date, outcome: "reached", occupation, recordedByMembershipId: by })
    .run();
}
