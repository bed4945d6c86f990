import type { Actor } from "~/modules/auth/actor.server";
import { startSession } from "~/modules/auth/session.server";

/**
 * Requests as a browser would send them, signed in as an actor, for calling a route's loader or
 * action directly: the whole server path (session, parsing, module, access layer) on a real database.
 */
export async function signedIn(actor: Actor) {
  // Proved as the actor says (a second factor for the roles that need one, tests/factories/world.ts).
  const cookie = (await startSession(actor.userId, actor.membershipId, { authMethod: actor.authMethod })).split(";")[0]!;
  const url = (path: string) => `http://localhost${path}`;
  return {
    get: (path: string) => new Request(url(path), { headers: { Cookie: cookie } }),
    post: (path: string, fields: Record<string, string>) =>
      new Request(url(path), {
        method: "POST",
        headers: { Cookie: cookie, Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      }),
  };
}

/** A thrown or returned Response's status (routes throw 404s and redirects). */
export async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = await run();
    return result instanceof Response ? result.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}
