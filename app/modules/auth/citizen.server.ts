/**
 * Youths and guardians on Mina sidor. They sign in with e-legitimation (BankID, Freja eID through the
 * municipality's broker); the account is made at the first sign-in and found again by a keyed hash of the
 * verified personnummer. Whose file they may open, and as what, is decided at sign-in and kept in the
 * session (`citizenScope`); the kernel (access/own-file.server.ts) decides each section on every request.
 */
import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { users } from "#db/schema";
import type { CitizenRelation } from "~/modules/access/own-file.server";
import { assertSameOrigin } from "~/modules/security/origin.server";
import { personalNumberKey } from "./secrets.server";
import { authenticate, startSession } from "./session.server";

export const CITIZEN_SIGN_IN_PAGE = "/mina-sidor/logga-in";

export type CitizenActor = {
  kind: "citizen";
  userId: number;
  sessionId: string;
  displayName: string;
  /** When the person last proved who they are with e-legitimation (Unix ms): step-up reads it. */
  authenticatedAt: number;
  identityProviderId: number | null;
  relations: CitizenRelation[];
};

function parseScope(scope: string | null): CitizenRelation[] {
  if (!scope) return [];
  try {
    const parsed: unknown = JSON.parse(scope);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (r): r is CitizenRelation => typeof r === "object" && r !== null && typeof r.youthId === "string" && (r.relation === "self" || r.relation === "guardian"),
    );
  } catch {
    return [];
  }
}

/** The signed-in youth or guardian, or a redirect to sign in. A member of staff gets 403: these pages are not theirs. */
export async function requireCitizen(request: Request): Promise<CitizenActor> {
  assertSameOrigin(request);
  const auth = await authenticate(request);
  if (!auth) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back === "/mina-sidor" ? CITIZEN_SIGN_IN_PAGE : `${CITIZEN_SIGN_IN_PAGE}?redirectTo=${encodeURIComponent(back)}`);
  }
  if (auth.user.kind !== "citizen") {
    throw new Response("Mina sidor är till för ungdomar och vårdnadshavare. Du är inloggad som personal.", { status: 403 });
  }
  return {
    kind: "citizen",
    userId: auth.user.id,
    sessionId: auth.session.id,
    displayName: auth.user.displayName,
    authenticatedAt: auth.session.authenticatedAt,
    identityProviderId: auth.session.identityProviderId,
    relations: parseScope(auth.session.citizenScope),
  };
}

/** The citizen if the request is signed in as one (the layout's header), else null. Never redirects. */
export async function optionalCitizen(request: Request): Promise<CitizenActor | null> {
  if (request.method.toUpperCase() !== "GET") return null;
  try {
    return await requireCitizen(request);
  } catch (thrown) {
    if (thrown instanceof Response) return null;
    throw thrown;
  }
}

/**
 * The citizen account for a verified personnummer: found by its keyed hash, or made now. The name is the
 * one the e-legitimation gave, updated at each sign-in. A citizen never signs in by password ("!" is no hash).
 */
export function upsertCitizen(personalNumber: string, displayName: string): number {
  const key = personalNumberKey(personalNumber);
  const db = getDb();
  return db.transaction((tx) => {
    const existing = tx.select({ id: users.id }).from(users).where(eq(users.personalNumberKey, key)).get();
    if (existing) {
      tx.update(users).set({ displayName }).where(eq(users.id, existing.id)).run();
      return existing.id;
    }
    return tx
      .insert(users)
      .values({ username: `eid:${key}`, displayName, passwordHash: "!", kind: "citizen", personalNumberKey: key })
      .returning({ id: users.id })
      .get().id;
  });
}

/** Starts a citizen's session with the relations decided at sign-in; returns the Set-Cookie header. */
export function startCitizenSession(
  userId: number,
  relations: readonly CitizenRelation[],
  proof: { authenticatedAt: number; identityProviderId: number | null },
): Promise<string> {
  return startSession(userId, null, {
    authMethod: "eid",
    authenticatedAt: proof.authenticatedAt,
    identityProviderId: proof.identityProviderId,
    citizenScope: JSON.stringify(relations),
  });
}
