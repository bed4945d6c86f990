/**
 * The systemförvaltare's SS 12000 connections: one per school organiser's system, reading for one
 * of its schools. The client secret goes in and is never read back out: listings and the edit form
 * only learn whether one is set.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { municipalities, organisations, schoolSystemConnections } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import type { ConnectionInput } from "./school-system-schemas";

/** Everything about a connection except its secret. */
const publicColumns = {
  id: schoolSystemConnections.id,
  organisationId: schoolSystemConnections.organisationId,
  name: schoolSystemConnections.name,
  baseUrl: schoolSystemConnections.baseUrl,
  tokenUrl: schoolSystemConnections.tokenUrl,
  clientId: schoolSystemConnections.clientId,
  scope: schoolSystemConnections.scope,
  enabled: schoolSystemConnections.enabled,
  lastRunAt: schoolSystemConnections.lastRunAt,
  lastStatus: schoolSystemConnections.lastStatus,
  lastMessage: schoolSystemConnections.lastMessage,
  lastPersons: schoolSystemConnections.lastPersons,
  lastRows: schoolSystemConnections.lastRows,
  lastAbsences: schoolSystemConnections.lastAbsences,
  lastSkipped: schoolSystemConnections.lastSkipped,
  schoolName: organisations.name,
  schoolOrganiserName: organisations.schoolOrganiserName,
  municipalityName: municipalities.name,
};

export function listConnections() {
  return getDb()
    .select(publicColumns)
    .from(schoolSystemConnections)
    .innerJoin(organisations, eq(organisations.id, schoolSystemConnections.organisationId))
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .orderBy(asc(municipalities.name), asc(organisations.name), asc(schoolSystemConnections.name))
    .all();
}

/** A connection without its secret, with `hasSecret` instead; null when there is none. */
export function getConnection(id: number) {
  const row = getDb()
    // Whether a secret is set, computed in SQL: the secret itself never leaves the database here.
    .select({ ...publicColumns, hasSecret: sql<number>`length(${schoolSystemConnections.clientSecret}) > 0` })
    .from(schoolSystemConnections)
    .innerJoin(organisations, eq(organisations.id, schoolSystemConnections.organisationId))
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(schoolSystemConnections.id, id))
    .get();
  return row ? { ...row, hasSecret: Boolean(row.hasSecret) } : null;
}

/** The schools a connection can read for (organisations of kind school), with their huvudman. */
export function schoolOptions() {
  return getDb()
    .select({ id: organisations.id, name: organisations.name, organiser: organisations.schoolOrganiserName, municipalityName: municipalities.name })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.kind, "school"))
    .orderBy(asc(municipalities.name), asc(organisations.name))
    .all();
}

function checkSchool(organisationId: number): FieldErrors | null {
  const school = getDb()
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.kind, "school")))
    .get();
  return school ? null : { organisationId: "Välj en skola i listan." };
}

type Result = { ok: true; id: number } | { ok: false; errors: FieldErrors };

export function createConnection(input: ConnectionInput & { clientSecret: string }): Result {
  const problem = checkSchool(input.organisationId);
  if (problem) return { ok: false, errors: problem };
  const created = getDb()
    .insert(schoolSystemConnections)
    .values({ ...input, scope: input.scope ?? null })
    .returning({ id: schoolSystemConnections.id })
    .get();
  return { ok: true, id: created.id };
}

/** Saves the form; an empty secret keeps the stored one. */
export function updateConnection(id: number, input: ConnectionInput): Result | null {
  const db = getDb();
  if (!db.select({ id: schoolSystemConnections.id }).from(schoolSystemConnections).where(eq(schoolSystemConnections.id, id)).get()) return null;
  const problem = checkSchool(input.organisationId);
  if (problem) return { ok: false, errors: problem };
  const { clientSecret, ...rest } = input;
  db.update(schoolSystemConnections)
    .set({ ...rest, scope: rest.scope ?? null, ...(clientSecret ? { clientSecret } : {}), updatedAt: new Date().toISOString() })
    .where(eq(schoolSystemConnections.id, id))
    .run();
  return { ok: true, id };
}
