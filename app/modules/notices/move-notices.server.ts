/**
 * The notice a KAA unit sends when the reconciliation shows a youth of its register moved to another
 * municipality whose KAA unit is in the portal: it arrives in that unit's inbox like a school's notice,
 * and receiving it registers the youth there with start reason "Inflyttad". Only name, personnummer,
 * the date of the move and who to contact go with it — nothing of the case.
 */
import { and, eq } from "drizzle-orm";
import type { Tx } from "#db/client";
import { municipalities, notices, organisations } from "#db/schema";
import type { YouthFile } from "~/modules/access/gate.server";
import { logMoveNoticeSent } from "~/modules/access/records.server";

/** The municipality with this kommunkod, if its KAA unit is in the portal. */
export function kaaMunicipalityByCode(tx: Tx, code: string): { id: number; name: string } | null {
  return (
    tx
      .select({ id: municipalities.id, name: municipalities.name })
      .from(municipalities)
      .innerJoin(organisations, and(eq(organisations.municipalityId, municipalities.id), eq(organisations.kind, "kaa_unit")))
      .where(eq(municipalities.code, code))
      .get() ?? null
  );
}

/**
 * Sends the move notice inside the caller's transaction (the ending of the enrollment). Never for a
 * youth with skyddad identitet: where such a youth lives is not passed on, even to another KAA unit.
 */
export function sendMoveNotice(tx: Tx, file: YouthFile<never, "enrollment">, to: { id: number }, movedOn: string) {
  const { actor, youth } = file;
  if (actor.organisationId === null) throw new Error("En flyttanmälan skickas av en KAA-enhet");
  if (youth.protectedIdentity) return false;
  tx.insert(notices)
    .values({
      schoolOrganisationId: actor.organisationId,
      submittedByMembershipId: actor.membershipId,
      kind: "moved",
      personalNumber: youth.personalNumber,
      firstName: youth.firstName,
      lastName: youth.lastName,
      homeMunicipalityId: to.id,
      programme: "–",
      eventDate: movedOn,
      reason: "Utflyttad enligt folkbokföringen.",
      contactName: actor.displayName,
    })
    .run();
  logMoveNoticeSent(actor, { id: youth.id, municipalityId: youth.homeMunicipalityId }, tx);
  return true;
}
