/**
 * Which files hold a person, by their verified personnummer: what e-legitimation sign-in needs to know
 * whose Mina sidor to open. Only the kernel reads youths by personnummer; the auth module asks here.
 * Nothing of the files is shown by this, so nothing is logged: opening one goes through openOwnFile.
 */
import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { youths } from "#db/schema";

export type SubjectRecord = { youthId: string; birthDate: string; protectedIdentity: boolean; firstName: string; lastName: string };

export function subjectRecords(personalNumber: string): SubjectRecord[] {
  return getDb()
    .select({
      youthId: youths.id,
      birthDate: youths.birthDate,
      protectedIdentity: youths.protectedIdentity,
      firstName: youths.firstName,
      lastName: youths.lastName,
    })
    .from(youths)
    .where(eq(youths.personalNumber, personalNumber))
    .all();
}
