/**
 * The identity section of a youth file: reading it, the correction form, registering and
 * correcting a youth. Every function takes the capability the kernel's gate hands out after
 * deciding and logging the access (app/modules/access); registering goes through the gate's
 * createYouthFile, which stores the youth and its log row in one transaction.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { guardians, municipalities, youthRevisions, youths } from "#db/schema";
import { forbidden, notFound } from "~/lib/http";
import { todayIso } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-fields";
import type { Actor } from "~/modules/auth/actor.server";
import { guardianInputs, identityColumns } from "~/modules/youth/youth-row";
import { displayPersonalNumber, ageOn, parsePersonalNumber } from "~/modules/youth/personal-number";
import type { YouthCreateInput, YouthUpdateInput } from "~/modules/youth/youth-schema";
import { createYouthFile, type NewYouthFile, type OpenedFile, type YouthFile } from "~/modules/access/gate.server";

/* ------------------------------------------------------------------ reading one youth */

export type Address =
  | { kind: "visible"; streetAddress: string | null; postalCode: string | null; city: string | null }
  | { kind: "protected"; mayReveal: boolean }
  | { kind: "protected_revealed"; streetAddress: string | null; postalCode: string | null; city: string | null };

export type YouthIdentity = {
  id: string;
  personalNumber: string;
  isCoordinationNumber: boolean;
  birthDate: string;
  age: number;
  firstName: string;
  lastName: string;
  homeMunicipalityName: string;
  phone: string | null;
  email: string | null;
  protectedIdentity: boolean;
  address: Address;
  guardians: { name: string; phone: string | null; email: string | null }[];
  createdAt: string;
  updatedAt: string;
  revisions: { at: string; changedFields: string }[];
};

/**
 * Reads a youth's identity section. A protected address is shown only when the file was opened
 * with "protected_address" (a deliberate POST by the samordnare, logged by the gate).
 */
export function readYouthFile(file: OpenedFile<"identity">): YouthIdentity {
  const row = file.youth;
  const db = getDb();
  let address: Address = { kind: "visible", streetAddress: row.streetAddress, postalCode: row.postalCode, city: row.city };
  if (row.protectedIdentity) {
    address = file.has("protected_address")
      ? { kind: "protected_revealed", streetAddress: row.streetAddress, postalCode: row.postalCode, city: row.city }
      : { kind: "protected", mayReveal: file.decision("protected_address") === undefined && file.wouldAllow("protected_address", "read") };
  }
  return {
    id: row.id,
    personalNumber: displayPersonalNumber(row.personalNumber),
    isCoordinationNumber: row.isCoordinationNumber,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, todayIso()),
    firstName: row.firstName,
    lastName: row.lastName,
    homeMunicipalityName: db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, row.homeMunicipalityId)).get()?.name ?? "",
    phone: row.phone,
    email: row.email,
    protectedIdentity: row.protectedIdentity,
    address,
    guardians: db
      .select({ name: guardians.name, phone: guardians.phone, email: guardians.email })
      .from(guardians)
      .where(eq(guardians.youthId, row.id))
      .orderBy(asc(guardians.position))
      .all(),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    revisions: db
      .select({ at: youthRevisions.at, changedFields: youthRevisions.changedFields })
      .from(youthRevisions)
      .where(eq(youthRevisions.youthId, row.id))
      .orderBy(desc(youthRevisions.at))
      .all(),
  };
}

/**
 * The form would show a protected address the actor may see, but the gate left it out because the sign-in
 * is older than 15 minutes: the page asks for a step-up instead of showing a form without the address.
 */
export function protectedAddressAwaitsStepUp(file: YouthFile<"identity">): boolean {
  return file.youth.protectedIdentity && !file.has("protected_address") && file.wouldAllow("protected_address", "read");
}

/**
 * The values for the correction form. A protected address is left out unless the file was opened
 * with it (the samordnare; putting it into the form is a showing, logged by the gate).
 */
export function readYouthForEdit(file: YouthFile<"identity">) {
  // The form is only for those who may correct the file; opening it writes nothing, so it is no write to log.
  if (!file.wouldAllow("identity", "write")) throw notFound();
  const row = file.youth;
  const showAddress = !row.protectedIdentity || file.has("protected_address");
  const guardianRows = getDb().select().from(guardians).where(eq(guardians.youthId, row.id)).orderBy(asc(guardians.position)).all();
  const g1 = guardianRows.find((g) => g.position === 1);
  const g2 = guardianRows.find((g) => g.position === 2);
  return {
    id: row.id,
    personalNumber: displayPersonalNumber(row.personalNumber),
    addressEditable: showAddress,
    values: {
      firstName: row.firstName,
      lastName: row.lastName,
      streetAddress: showAddress ? (row.streetAddress ?? "") : "",
      postalCode: showAddress ? (row.postalCode ?? "") : "",
      city: showAddress ? (row.city ?? "") : "",
      phone: row.phone ?? "",
      email: row.email ?? "",
      homeMunicipalityId: String(row.homeMunicipalityId),
      protectedIdentity: row.protectedIdentity,
      guardian1Name: g1?.name ?? "",
      guardian1Phone: g1?.phone ?? "",
      guardian1Email: g1?.email ?? "",
      guardian2Name: g2?.name ?? "",
      guardian2Phone: g2?.phone ?? "",
      guardian2Email: g2?.email ?? "",
    },
  };
}

/* ------------------------------------------------------------------ writing */

export type WriteResult = { ok: true; id: string } | { ok: false; errors: FieldErrors; existingId?: string };

/** Raised inside the registering transaction so that a duplicate rolls everything back. */
class AlreadyRegistered extends Error {
  constructor(readonly existingId: string) {
    super("already registered");
  }
}

/**
 * Registers a youth. `alsoInTransaction` adds the writes that belong with it (an enrollment, a
 * received notice) so that either all of it is stored or none.
 */
export function createYouth(actor: Actor, input: YouthCreateInput, alsoInTransaction?: (tx: Tx, created: NewYouthFile) => void): WriteResult {
  const parsed = parsePersonalNumber(input.personalNumber);
  if (!parsed.ok) return { ok: false, errors: { personalNumber: parsed.error } };
  const candidate = { homeMunicipalityId: input.homeMunicipalityId, protectedIdentity: input.protectedIdentity };
  try {
    const created = createYouthFile(actor, candidate, (tx, file) => {
      const id = file.id;
      const existing = tx
        .select({ id: youths.id })
        .from(youths)
        .where(and(eq(youths.homeMunicipalityId, input.homeMunicipalityId), eq(youths.personalNumber, parsed.value.normalized)))
        .get();
      if (existing) throw new AlreadyRegistered(existing.id);
      tx.insert(youths)
        .values({
          id,
          homeMunicipalityId: input.homeMunicipalityId,
          personalNumber: parsed.value.normalized,
          isCoordinationNumber: parsed.value.isCoordinationNumber,
          birthDate: parsed.value.birthDate,
          ...identityColumns(input),
          createdByMembershipId: actor.membershipId,
        })
        .run();
      writeGuardians(tx, id, input);
      tx.insert(youthRevisions).values({ youthId: id, membershipId: actor.membershipId, previous: null, changedFields: "Registrerad" }).run();
      alsoInTransaction?.(tx, file);
    });
    if (created.ok) return { ok: true, id: created.youthId };
    if (created.decision.reason === "other_municipality") {
      return { ok: false, errors: { homeMunicipalityId: `Du kan bara registrera ungdomar som är folkbokförda i ${actor.municipalityName ?? "din kommun"}.` } };
    }
    throw forbidden();
  } catch (error) {
    if (error instanceof AlreadyRegistered) return { ok: false, errors: { personalNumber: "Ungdomen finns redan i registret." }, existingId: error.existingId };
    throw error;
  }
}

export function updateYouth(file: YouthFile<never, "identity">, input: YouthUpdateInput): WriteResult {
  const { actor, youth: row } = file;
  const youthId = row.id;
  if (input.homeMunicipalityId !== row.homeMunicipalityId) {
    // Moving is the end of one register's enrollment and the start of another's.
    return { ok: false, errors: { homeMunicipalityId: "Hemkommunen kan inte ändras. Avsluta inskrivningen om ungdomen har flyttat." } };
  }
  // Not a showing: whether the form may carry the address at all.
  const mayTouchAddress = !row.protectedIdentity || file.wouldAllow("protected_address", "read");
  const next = identityColumns(input);
  if (!mayTouchAddress) {
    // Nor may they lift the protection: that would show them the address.
    next.streetAddress = row.streetAddress;
    next.postalCode = row.postalCode;
    next.city = row.city;
    next.protectedIdentity = row.protectedIdentity;
  }
  const db = getDb();
  const previousGuardians = db.select().from(guardians).where(eq(guardians.youthId, youthId)).orderBy(asc(guardians.position)).all();
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== row[key]);
  const guardianSummary = (list: { name: string; phone: string | null; email: string | null }[]) => JSON.stringify(list.map((g) => [g.name, g.phone, g.email]));
  const nextGuardians = guardianInputs(input);
  const guardiansChanged = guardianSummary(previousGuardians) !== guardianSummary(nextGuardians);
  if (changed.length === 0 && !guardiansChanged) return { ok: true, id: youthId };

  const previous: Record<string, unknown> = {};
  for (const key of changed) previous[key] = row[key];
  if (guardiansChanged) previous.guardians = previousGuardians.map(({ name, phone, email }) => ({ name, phone, email }));
  const labels = [...changed.map((key) => FIELD_LABELS[key] ?? key), ...(guardiansChanged ? ["vårdnadshavare"] : [])].filter(Boolean);
  const uniqueLabels = [...new Set(labels)];

  db.transaction((tx) => {
    tx.update(youths)
      .set({ ...next, updatedAt: new Date().toISOString() })
      .where(eq(youths.id, youthId))
      .run();
    if (guardiansChanged) {
      tx.delete(guardians).where(eq(guardians.youthId, youthId)).run();
      writeGuardians(tx, youthId, input);
    }
    tx.insert(youthRevisions)
      .values({ youthId, membershipId: actor.membershipId, previous: JSON.stringify(previous), changedFields: `Ändrat: ${uniqueLabels.join(", ")}` })
      .run();
  });
  return { ok: true, id: youthId };
}

const FIELD_LABELS: Record<string, string> = {
  firstName: "namn",
  lastName: "namn",
  nameSearch: "namn",
  nameSort: "namn",
  streetAddress: "adress",
  postalCode: "postnummer",
  city: "ort",
  phone: "telefon",
  email: "e-post",
  protectedIdentity: "skyddad identitet",
};

function writeGuardians(tx: Tx, youthId: string, input: YouthUpdateInput) {
  const rows = guardianInputs(input);
  if (rows.length > 0)
    tx.insert(guardians)
      .values(rows.map((g) => ({ ...g, youthId })))
      .run();
}
