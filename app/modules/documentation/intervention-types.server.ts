/**
 * The municipality's catalogue of intervention types, kept by the KAA samordnare. Not youth data:
 * every KAA user of the municipality reads it, the samordnare changes it. Types are retired, never
 * deleted, so old interventions keep theirs.
 */
import { and, asc, eq, max, ne } from "drizzle-orm";
import { getDb } from "#db/client";
import { interventionTypes, type ScbInterventionType } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { forbidden } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { mayUseRegister } from "~/modules/access/policy";
import { DEFAULT_INTERVENTION_TYPES } from "./default-intervention-types";

type Result = { ok: true } | { ok: false; errors: FieldErrors };

function municipalityOf(actor: Actor, write: boolean): number {
  if (!mayUseRegister(actor) || actor.municipalityId === null) throw forbidden();
  if (write && actor.role !== "kaa_coordinator") throw forbidden("Bara KAA-samordnaren kan ändra insatskatalogen.");
  return actor.municipalityId;
}

/** A municipality without a catalogue gets the default one the first time it is needed. */
function ensureCatalogue(municipalityId: number) {
  const db = getDb();
  if (db.select({ id: interventionTypes.id }).from(interventionTypes).where(eq(interventionTypes.municipalityId, municipalityId)).get()) return;
  db.insert(interventionTypes)
    .values(DEFAULT_INTERVENTION_TYPES.map(({ name, scbType }, i) => ({ municipalityId, name, scbType, position: i + 1 })))
    .onConflictDoNothing()
    .run();
}

export function listInterventionTypes(actor: Actor, options: { activeOnly?: boolean } = {}) {
  const municipalityId = municipalityOf(actor, false);
  ensureCatalogue(municipalityId);
  return getDb()
    .select({ id: interventionTypes.id, name: interventionTypes.name, active: interventionTypes.active, scbType: interventionTypes.scbType })
    .from(interventionTypes)
    .where(and(eq(interventionTypes.municipalityId, municipalityId), options.activeOnly ? eq(interventionTypes.active, true) : undefined))
    .orderBy(asc(interventionTypes.position), asc(interventionTypes.id))
    .all();
}

function nameTaken(municipalityId: number, name: string, exceptId?: number) {
  return Boolean(
    getDb()
      .select({ id: interventionTypes.id })
      .from(interventionTypes)
      .where(
        and(eq(interventionTypes.municipalityId, municipalityId), eq(interventionTypes.name, name), exceptId ? ne(interventionTypes.id, exceptId) : undefined),
      )
      .get(),
  );
}

/** A new type is reported to SCB from its first insats, so it is added with its SCB type. */
export function addInterventionType(actor: Actor, name: string, scbType: ScbInterventionType): Result {
  const municipalityId = municipalityOf(actor, true);
  ensureCatalogue(municipalityId);
  if (nameTaken(municipalityId, name)) return { ok: false, errors: { name: "Det finns redan en insatstyp med det namnet." } };
  const db = getDb();
  const last =
    db
      .select({ n: max(interventionTypes.position) })
      .from(interventionTypes)
      .where(eq(interventionTypes.municipalityId, municipalityId))
      .get()?.n ?? 0;
  db.insert(interventionTypes)
    .values({ municipalityId, name, scbType, position: last + 1 })
    .run();
  return { ok: true };
}

export function renameInterventionType(actor: Actor, typeId: number, name: string): Result {
  const municipalityId = municipalityOf(actor, true);
  if (nameTaken(municipalityId, name, typeId)) return { ok: false, errors: { [`name-${typeId}`]: "Det finns redan en insatstyp med det namnet." } };
  const changed = getDb()
    .update(interventionTypes)
    .set({ name })
    .where(and(eq(interventionTypes.id, typeId), eq(interventionTypes.municipalityId, municipalityId)))
    .run().changes;
  return changed ? { ok: true } : { ok: false, errors: { form: "Insatstypen finns inte." } };
}

export function setInterventionTypeActive(actor: Actor, typeId: number, active: boolean): Result {
  const municipalityId = municipalityOf(actor, true);
  const changed = getDb()
    .update(interventionTypes)
    .set({ active })
    .where(and(eq(interventionTypes.id, typeId), eq(interventionTypes.municipalityId, municipalityId)))
    .run().changes;
  return changed ? { ok: true } : { ok: false, errors: { form: "Insatstypen finns inte." } };
}

/** Sets the SCB kind of åtgärd a catalogue type is reported as; every insats of the type follows it. */
export function setInterventionTypeScbType(actor: Actor, typeId: number, scbType: ScbInterventionType): Result {
  const municipalityId = municipalityOf(actor, true);
  const changed = getDb()
    .update(interventionTypes)
    .set({ scbType })
    .where(and(eq(interventionTypes.id, typeId), eq(interventionTypes.municipalityId, municipalityId)))
    .run().changes;
  return changed ? { ok: true } : { ok: false, errors: { form: "Insatstypen finns inte." } };
}
