/**
 * The only reader and writer of youth data. Every function here asks decide() first, writes an
 * access-log row for what it showed or refused, and returns only what was allowed.
 * A youth that does not exist and a youth the actor may not see give the same 404.
 */
import crypto from "node:crypto";
import { and, asc, count, desc, eq, isNotNull, isNull, lte, or } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { enrollments, guardians, memberships, municipalities, users, youthRevisions, youths } from "#db/schema";
import { forbidden, notFound } from "~/lib/http";
import { addDays, todayIso } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-fields";
import type { Actor } from "~/modules/auth/actor.server";
import { nameMatches } from "~/modules/youth/names";
import { guardianInputs, identityColumns } from "~/modules/youth/youth-row";
import { REGISTER_PAGE_SIZE, type RegisterQuery } from "~/modules/youth/register-query";
import { ageOn, parsePersonalNumber } from "~/modules/youth/personal-number";
import type { YouthCreateInput, YouthUpdateInput } from "~/modules/youth/youth-schema";
import { writeAudit } from "~/modules/access/audit.server";
import { loadPolicyYouth, requireSection, YOUTH_ID, type YouthRow } from "~/modules/access/gate.server";
import { decide, mayUseRegister, type Decision } from "~/modules/access/policy";
import { syncInterventionStatus } from "~/modules/documentation/documentation.server";

export { YOUTH_ID };

const loadYouth = loadPolicyYouth;

function today() {
  return todayIso();
}

/* ------------------------------------------------------------------ reading one youth */

export type Address =
  | { kind: "visible"; streetAddress: string | null; postalCode: string | null; city: string | null }
  | { kind: "protected"; mayReveal: boolean }
  | { kind: "protected_revealed"; streetAddress: string | null; postalCode: string | null; city: string | null };

export type YouthFile = {
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

/** Reads a youth's identity section; the protected address only on explicit request. */
export function readYouthFile(actor: Actor, youthId: string, options: { revealProtectedAddress?: boolean } = {}): YouthFile {
  const row = requireReadable(actor, youthId);
  const db = getDb();
  let address: Address = { kind: "visible", streetAddress: row.streetAddress, postalCode: row.postalCode, city: row.city };
  if (row.protectedIdentity) {
    const decision = decide(actor, row, "protected_address", "read");
    if (options.revealProtectedAddress) {
      writeAudit({ actor, youthId: row.id, youthMunicipalityId: row.homeMunicipalityId, section: "protected_address", action: "read", decision });
      address = decision.allowed
        ? { kind: "protected_revealed", streetAddress: row.streetAddress, postalCode: row.postalCode, city: row.city }
        : { kind: "protected", mayReveal: false };
    } else {
      address = { kind: "protected", mayReveal: decision.allowed };
    }
  }
  return {
    id: row.id,
    personalNumber: `${row.personalNumber.slice(0, 8)}-${row.personalNumber.slice(8)}`,
    isCoordinationNumber: row.isCoordinationNumber,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, today()),
    firstName: row.firstName,
    lastName: row.lastName,
    homeMunicipalityName:
      db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, row.homeMunicipalityId)).get()?.name ?? "",
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

/** The values for the correction form. A protected address is left out unless the actor may see it. */
export function readYouthForEdit(actor: Actor, youthId: string) {
  const row = requireReadable(actor, youthId);
  const mayEdit = decide(actor, row, "identity", "write");
  if (!mayEdit.allowed) throw notFound();
  let showAddress = true;
  if (row.protectedIdentity) {
    const decision = decide(actor, row, "protected_address", "read");
    showAddress = decision.allowed;
    // Putting the address into the form is a showing of it, and is logged as one.
    if (decision.allowed) writeAudit({ actor, youthId: row.id, youthMunicipalityId: row.homeMunicipalityId, section: "protected_address", action: "read", decision });
  }
  const guardianRows = getDb().select().from(guardians).where(eq(guardians.youthId, row.id)).orderBy(asc(guardians.position)).all();
  const g1 = guardianRows.find((g) => g.position === 1);
  const g2 = guardianRows.find((g) => g.position === 2);
  return {
    id: row.id,
    personalNumber: `${row.personalNumber.slice(0, 8)}-${row.personalNumber.slice(8)}`,
    addressEditable: showAddress,
    values: {
      firstName: row.firstName,
      lastName: row.lastName,
      streetAddress: showAddress ? row.streetAddress ?? "" : "",
      postalCode: showAddress ? row.postalCode ?? "" : "",
      city: showAddress ? row.city ?? "" : "",
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

/**
 * The youth file is the register keeper's: another organisation reading by consent uses the shared
 * view (shared-youth.server.ts), which shows only the consented sections. A malformed id is a 404
 * without a log row, so the log cannot be flooded with junk.
 */
function requireReadable(actor: Actor, youthId: string): YouthRow {
  return requireSection(actor, youthId, "identity", "read", { registerKeeperOnly: true });
}

/* ------------------------------------------------------------------ the register list */


/** One page of the actor's own municipality's register. Every youth shown is logged. */
export function listYouthRegister(actor: Actor, query: RegisterQuery) {
  if (!mayUseRegister(actor) || actor.municipalityId === null) throw forbidden();
  const db = getDb();
  const today = todayIso();
  // The status filter must see "i insats" for interventions that started today.
  syncInterventionStatus({ municipalityId: actor.municipalityId }, today);
  const where = and(
    eq(youths.homeMunicipalityId, actor.municipalityId),
    query.q ? nameMatches(youths.nameSearch, query.q) : undefined,
    query.status === "none" ? isNull(enrollments.id) : query.status ? eq(enrollments.status, query.status) : undefined,
    query.caseworker === "unassigned"
      ? and(isNotNull(enrollments.id), isNull(enrollments.caseworkerMembershipId))
      : query.caseworker
        ? eq(enrollments.caseworkerMembershipId, query.caseworker)
        : undefined,
    query.overdue
      ? or(
          and(eq(enrollments.status, "not_contacted"), lte(enrollments.startDate, addDays(today, -28))),
          and(eq(enrollments.status, "watch"), lte(enrollments.watchUntil, today)),
        )
      : undefined,
  );
  // The open enrollment (at most one per youth) carries status and caseworker.
  const openEnrollment = and(eq(enrollments.youthId, youths.id), isNull(enrollments.endDate));
  const order =
    query.sort === "nyast"
      ? [desc(youths.createdAt), desc(youths.id)]
      : query.sort === "alder"
        ? [asc(youths.birthDate), asc(youths.id)]
        : [asc(youths.nameSort), asc(youths.id)];
  const total = db.select({ n: count() }).from(youths).leftJoin(enrollments, openEnrollment).where(where).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page), pageCount);
  const rows = db
    .select({
      id: youths.id,
      firstName: youths.firstName,
      lastName: youths.lastName,
      birthDate: youths.birthDate,
      homeMunicipalityId: youths.homeMunicipalityId,
      protectedIdentity: youths.protectedIdentity,
      createdAt: youths.createdAt,
      status: enrollments.status,
      startDate: enrollments.startDate,
      caseworkerName: users.displayName,
    })
    .from(youths)
    .leftJoin(enrollments, openEnrollment)
    .leftJoin(memberships, eq(memberships.id, enrollments.caseworkerMembershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(where)
    .orderBy(...order)
    .limit(REGISTER_PAGE_SIZE)
    .offset((page - 1) * REGISTER_PAGE_SIZE)
    .all();
  const shown = rows.filter((row) => decide(actor, row, "identity", "read").allowed);
  writeAudit(
    shown.map((row) => ({
      actor,
      youthId: row.id,
      youthMunicipalityId: row.homeMunicipalityId,
      section: "identity" as const,
      action: "list" as const,
      decision: { allowed: true, basis: "register_keeper" } as Decision,
    })),
  );
  return {
    total,
    page,
    pageCount,
    rows: shown.map((row) => ({
      id: row.id,
      name: `${row.lastName}, ${row.firstName}`,
      birthDate: row.birthDate,
      age: ageOn(row.birthDate, today),
      protectedIdentity: row.protectedIdentity,
      createdAt: row.createdAt,
      status: row.status,
      startDate: row.startDate,
      caseworkerName: row.caseworkerName,
    })),
  };
}

/** Exact look-up by personnummer in the actor's register; the number never enters a URL. */
export function findYouthByPersonalNumber(actor: Actor, input: string): { id: string } | { error: string } | null {
  if (!mayUseRegister(actor) || actor.municipalityId === null) throw forbidden();
  const parsed = parsePersonalNumber(input);
  if (!parsed.ok) return { error: parsed.error };
  const row = getDb()
    .select()
    .from(youths)
    .where(and(eq(youths.homeMunicipalityId, actor.municipalityId), eq(youths.personalNumber, parsed.value.normalized)))
    .get();
  if (!row) return null;
  writeAudit({ actor, youthId: row.id, youthMunicipalityId: row.homeMunicipalityId, section: "identity", action: "search", decision: decide(actor, row, "identity", "read") });
  return { id: row.id };
}

/* ------------------------------------------------------------------ writing */

export type WriteResult = { ok: true; id: string } | { ok: false; errors: FieldErrors; existingId?: string };

/**
 * Registers a youth. `alsoInTransaction` adds the writes that belong with it (an enrollment, a
 * received notice) so that either all of it is stored or none.
 */
export function createYouth(actor: Actor, input: YouthCreateInput, alsoInTransaction?: (tx: Tx, youthId: string) => void): WriteResult {
  const parsed = parsePersonalNumber(input.personalNumber);
  if (!parsed.ok) return { ok: false, errors: { personalNumber: parsed.error } };
  const candidate = { homeMunicipalityId: input.homeMunicipalityId, protectedIdentity: input.protectedIdentity };
  const decision = decide(actor, candidate, "identity", "write");
  if (!decision.allowed) {
    writeAudit({ actor, youthId: null, youthMunicipalityId: input.homeMunicipalityId, section: "identity", action: "create", decision });
    if (decision.reason === "other_municipality") {
      return {
        ok: false,
        errors: { homeMunicipalityId: `Du kan bara registrera ungdomar som är folkbokförda i ${actor.municipalityName ?? "din kommun"}.` },
      };
    }
    throw forbidden();
  }
  const db = getDb();
  const existing = db
    .select({ id: youths.id })
    .from(youths)
    .where(and(eq(youths.homeMunicipalityId, input.homeMunicipalityId), eq(youths.personalNumber, parsed.value.normalized)))
    .get();
  if (existing) {
    return { ok: false, errors: { personalNumber: "Ungdomen finns redan i registret." }, existingId: existing.id };
  }
  const id = crypto.randomBytes(12).toString("base64url");
  db.transaction((tx) => {
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
    writeAudit({ actor, youthId: id, youthMunicipalityId: input.homeMunicipalityId, section: "identity", action: "create", decision }, tx);
    alsoInTransaction?.(tx, id);
  });
  return { ok: true, id };
}

export function updateYouth(actor: Actor, youthId: string, input: YouthUpdateInput): WriteResult {
  const row = loadYouth(youthId);
  const decision = decide(actor, row, "identity", "write");
  if (!row || !decision.allowed) {
    writeAudit({ actor, youthId, youthMunicipalityId: row?.homeMunicipalityId ?? null, section: "identity", action: "write", decision });
    throw notFound();
  }
  if (input.homeMunicipalityId !== row.homeMunicipalityId) {
    // Moving is the end of one register's enrollment and the start of another's.
    return { ok: false, errors: { homeMunicipalityId: "Hemkommunen kan inte ändras. Avsluta inskrivningen om ungdomen har flyttat." } };
  }
  const mayTouchAddress = !row.protectedIdentity || decide(actor, row, "protected_address", "read").allowed;
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
  const guardianSummary = (list: { name: string; phone: string | null; email: string | null }[]) =>
    JSON.stringify(list.map((g) => [g.name, g.phone, g.email]));
  const nextGuardians = guardianInputs(input);
  const guardiansChanged = guardianSummary(previousGuardians) !== guardianSummary(nextGuardians);
  if (changed.length === 0 && !guardiansChanged) return { ok: true, id: youthId };

  const previous: Record<string, unknown> = {};
  for (const key of changed) previous[key] = row[key];
  if (guardiansChanged) previous.guardians = previousGuardians.map(({ name, phone, email }) => ({ name, phone, email }));
  const labels = [...changed.map((key) => FIELD_LABELS[key] ?? key), ...(guardiansChanged ? ["vårdnadshavare"] : [])].filter(Boolean);
  const uniqueLabels = [...new Set(labels)];

  db.transaction((tx) => {
    tx.update(youths).set({ ...next, updatedAt: new Date().toISOString() }).where(eq(youths.id, youthId)).run();
    if (guardiansChanged) {
      tx.delete(guardians).where(eq(guardians.youthId, youthId)).run();
      writeGuardians(tx, youthId, input);
    }
    tx.insert(youthRevisions)
      .values({ youthId, membershipId: actor.membershipId, previous: JSON.stringify(previous), changedFields: `Ändrat: ${uniqueLabels.join(", ")}` })
      .run();
    writeAudit({ actor, youthId, youthMunicipalityId: row.homeMunicipalityId, section: "identity", action: "write", decision }, tx);
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
  if (rows.length > 0) tx.insert(guardians).values(rows.map((g) => ({ ...g, youthId }))).run();
}

/** How many youths the actor's register holds: an aggregate, identifying no one. */
export function registerSize(actor: Actor): number {
  if (!mayUseRegister(actor) || actor.municipalityId === null) throw forbidden();
  return getDb().select({ n: count() }).from(youths).where(eq(youths.homeMunicipalityId, actor.municipalityId)).get()?.n ?? 0;
}
