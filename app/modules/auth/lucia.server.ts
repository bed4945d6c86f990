/**
 * The only module that imports `lucia` (v3 is in maintenance mode; keep it swappable).
 * Lucia manages the session cookie and the absolute expiry; the portal adds the idle timeout
 * and the active membership on top (session.server.ts).
 */
import { eq, lt } from "drizzle-orm";
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { getDb } from "#db/client";
import { sessions, users, type AuthMethod, type UserKind } from "#db/schema";
import { config } from "~/config.server";
import { absoluteLifetimeMs } from "./session-policy";

type SessionRow = typeof sessions.$inferSelect;

function toDatabaseSession(row: SessionRow): DatabaseSession {
  return {
    id: row.id,
    userId: row.userId,
    expiresAt: new Date(row.expiresAt),
    attributes: {
      membershipId: row.membershipId,
      createdAt: row.createdAt,
      lastActiveAt: row.lastActiveAt,
      authenticatedAt: row.authenticatedAt,
      authMethod: row.authMethod,
      identityProviderId: row.identityProviderId,
      citizenScope: row.citizenScope,
    },
  };
}

/** A small synchronous adapter over Drizzle; a disabled user has no valid sessions. */
const adapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const db = getDb();
    const row = db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, sessionId))
      .get();
    if (!row) return [null, null];
    if (row.user.disabledAt) return [toDatabaseSession(row.session), null];
    const user: DatabaseUser = {
      id: row.user.id,
      attributes: {
        username: row.user.username,
        displayName: row.user.displayName,
        mustChangePassword: row.user.mustChangePassword,
        kind: row.user.kind,
      },
    };
    return [toDatabaseSession(row.session), user];
  },
  async getUserSessions(userId) {
    return getDb()
      .select()
      .from(sessions)
      .where(eq(sessions.userId, Number(userId)))
      .all()
      .map(toDatabaseSession);
  },
  async setSession(session) {
    const attrs = session.attributes;
    getDb()
      .insert(sessions)
      .values({
        id: session.id,
        userId: Number(session.userId),
        membershipId: attrs.membershipId,
        createdAt: attrs.createdAt,
        lastActiveAt: attrs.lastActiveAt,
        authenticatedAt: attrs.authenticatedAt,
        authMethod: attrs.authMethod,
        identityProviderId: attrs.identityProviderId,
        citizenScope: attrs.citizenScope,
        // A session that continues another (a role switch) keeps its start: the absolute cap holds.
        expiresAt: Math.min(session.expiresAt.getTime(), attrs.createdAt + absoluteLifetimeMs(attrs.citizenScope !== null)),
      })
      .run();
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    // Lucia slides the expiry forward on use; the absolute lifetime caps it.
    const db = getDb();
    const row = db.select({ createdAt: sessions.createdAt, citizenScope: sessions.citizenScope }).from(sessions).where(eq(sessions.id, sessionId)).get();
    if (!row) return;
    const capped = Math.min(expiresAt.getTime(), row.createdAt + absoluteLifetimeMs(row.citizenScope !== null));
    db.update(sessions).set({ expiresAt: capped }).where(eq(sessions.id, sessionId)).run();
  },
  async deleteSession(sessionId) {
    getDb().delete(sessions).where(eq(sessions.id, sessionId)).run();
  },
  async deleteUserSessions(userId) {
    getDb()
      .delete(sessions)
      .where(eq(sessions.userId, Number(userId)))
      .run();
  },
  async deleteExpiredSessions() {
    getDb().delete(sessions).where(lt(sessions.expiresAt, Date.now())).run();
  },
};

type SessionAttributes = {
  membershipId: number | null;
  createdAt: number;
  lastActiveAt: number;
  authenticatedAt: number;
  authMethod: AuthMethod;
  identityProviderId: number | null;
  citizenScope: string | null;
};
type UserAttributes = { username: string; displayName: string; mustChangePassword: boolean; kind: UserKind };
type PortalLucia = Lucia<SessionAttributes, UserAttributes>;

let instance: PortalLucia | undefined;

function lucia(): PortalLucia {
  instance ??= new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(absoluteLifetimeMs(false) / 1000, "s"),
    sessionCookie: {
      // __Host- binds the cookie to this origin over HTTPS; not possible over plain http.
      name: config().secureCookies ? "__Host-sp_session" : "sp_session",
      attributes: { secure: config().secureCookies, sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (attributes) => attributes,
    getUserAttributes: (attributes) => attributes,
  });
  return instance;
}

declare module "lucia" {
  interface Register {
    Lucia: PortalLucia;
    UserId: number;
    DatabaseSessionAttributes: SessionAttributes;
    DatabaseUserAttributes: UserAttributes;
  }
}

export type AuthSession = {
  id: string;
  userId: number;
  membershipId: number | null;
  createdAt: number;
  lastActiveAt: number;
  authenticatedAt: number;
  authMethod: AuthMethod;
  identityProviderId: number | null;
  citizenScope: string | null;
};
export type AuthUser = { id: number; username: string; displayName: string; mustChangePassword: boolean; kind: UserKind };

/** How the person proved who they are; carried into every session that continues this one. */
export type SessionProof = {
  authenticatedAt: number;
  authMethod: AuthMethod;
  identityProviderId: number | null;
  citizenScope: string | null;
};

export async function storeSession(sessionId: string, userId: number, membershipId: number | null, proof: SessionProof, now: number, createdAt = now) {
  await lucia().createSession(userId, { membershipId, createdAt, lastActiveAt: now, ...proof }, { sessionId });
}

export async function validateSession(sessionId: string): Promise<{ session: AuthSession; user: AuthUser } | null> {
  const { session, user } = await lucia().validateSession(sessionId);
  if (!session || !user) return null;
  return {
    session: {
      id: session.id,
      userId: session.userId,
      membershipId: session.membershipId,
      createdAt: session.createdAt,
      lastActiveAt: session.lastActiveAt,
      authenticatedAt: session.authenticatedAt,
      authMethod: session.authMethod,
      identityProviderId: session.identityProviderId,
      citizenScope: session.citizenScope,
    },
    user: { id: user.id, username: user.username, displayName: user.displayName, mustChangePassword: user.mustChangePassword, kind: user.kind },
  };
}

export async function invalidateSession(sessionId: string) {
  await lucia().invalidateSession(sessionId);
}

export async function invalidateUserSessions(userId: number) {
  await lucia().invalidateUserSessions(userId);
}

export function readSessionToken(cookieHeader: string | null): string | null {
  return cookieHeader ? lucia().readSessionCookie(cookieHeader) : null;
}

/** A browser-session cookie (no Max-Age): closing the browser forgets it; the server enforces the timeouts. */
export function sessionCookie(token: string): string {
  const cookie = lucia().createSessionCookie(token);
  delete cookie.attributes.maxAge;
  delete cookie.attributes.expires;
  return cookie.serialize();
}

export function blankSessionCookie(): string {
  return lucia().createBlankSessionCookie().serialize();
}

/** For tests that switch configuration. */
export function resetLuciaForTests() {
  instance = undefined;
}
