import { openRegister, openYouthFile } from "~/modules/access/gate.server";
import type { YouthSection } from "~/modules/access/policy";
import type { Actor } from "~/modules/auth/actor.server";

/**
 * The gate as the routes use it, for tests: opens a youth file for reading and writing the given
 * sections (throws the 404 Response when refused), or the actor's register.
 */
export function fileFor<R extends YouthSection = never, W extends YouthSection = never>(
  actor: Actor,
  youthId: string,
  read: readonly R[] = [],
  write: readonly W[] = [],
) {
  return openYouthFile<R, W>(actor, youthId, { read, write });
}

/** The KAA unit's own view (the youth page and its parts): consent-based access is refused. */
export function keeperFile<R extends YouthSection = never, W extends YouthSection = never>(
  actor: Actor,
  youthId: string,
  read: readonly R[] = [],
  write: readonly W[] = [],
) {
  return openYouthFile<R, W>(actor, youthId, { read, write, registerKeeperOnly: true });
}

export const registerOf = openRegister;
