/**
 * Mina sidor's first page: the files the signed-in person may open, one per relation decided at sign-in.
 * Each is opened through the kernel for its name (identity), so a child whose guardian's access has
 * ended since (18 years, the youth decides alone) drops out here at the next request.
 */
import { openOwnFile } from "~/modules/access/own-file.server";
import type { CitizenActor } from "~/modules/auth/citizen.server";

export type OwnFileChoice = { youthId: string; relation: "self" | "guardian"; firstName: string; lastName: string };

export function ownFilesOf(citizen: CitizenActor): OwnFileChoice[] {
  const choices: OwnFileChoice[] = [];
  for (const { youthId, relation } of citizen.relations) {
    try {
      const file = openOwnFile(citizen, youthId, { read: ["identity"] });
      choices.push({ youthId, relation, firstName: file.youth.firstName, lastName: file.youth.lastName });
    } catch (thrown) {
      // A file no longer open to this person is left out (the kernel logged the refusal).
      if (thrown instanceof Response && thrown.status === 404) continue;
      throw thrown;
    }
  }
  // The person's own file first.
  return choices.sort((a, b) => (a.relation === b.relation ? a.firstName.localeCompare(b.firstName, "sv") : a.relation === "self" ? -1 : 1));
}
