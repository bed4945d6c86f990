/** OWASP ASVS 3.3: sessions end after inactivity and after an absolute lifetime. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Recording activity on every request would write on every page view; once a minute is enough. */
export const ACTIVITY_RESOLUTION_MS = 60 * 1000;

/**
 * A youth or guardian on Mina sidor: shorter, as for a municipality's e-services, because they sign in
 * from their own phone and the guardianship behind the session is checked again only at sign-in.
 */
export const CITIZEN_IDLE_TIMEOUT_MS = 15 * 60 * 1000;
export const CITIZEN_ABSOLUTE_LIFETIME_MS = 2 * 60 * 60 * 1000;
/** Step-up: withdrawing a consent or showing a protected address needs a proof of identity this recent. */
export const STEP_UP_MAX_AGE_MS = 15 * 60 * 1000;

export type SessionTimes = { createdAt: number; lastActiveAt: number; citizenScope?: string | null };
export type SessionState = "active" | "idle_timeout" | "absolute_timeout";

export function absoluteLifetimeMs(citizen: boolean): number {
  return citizen ? CITIZEN_ABSOLUTE_LIFETIME_MS : ABSOLUTE_LIFETIME_MS;
}

function idleTimeoutMs(citizen: boolean): number {
  return citizen ? CITIZEN_IDLE_TIMEOUT_MS : IDLE_TIMEOUT_MS;
}

export function sessionState(session: SessionTimes, now: number): SessionState {
  const citizen = session.citizenScope != null;
  if (now - session.createdAt >= absoluteLifetimeMs(citizen)) return "absolute_timeout";
  if (now - session.lastActiveAt >= idleTimeoutMs(citizen)) return "idle_timeout";
  return "active";
}

/** When the session would end if the user did nothing more. */
export function sessionExpiry(session: SessionTimes): number {
  const citizen = session.citizenScope != null;
  return Math.min(session.createdAt + absoluteLifetimeMs(citizen), session.lastActiveAt + idleTimeoutMs(citizen));
}

/** Whether the person proved who they are recently enough for a step-up action. */
export function isRecentlyAuthenticated(session: { authenticatedAt: number }, now: number): boolean {
  return session.authenticatedAt > 0 && now - session.authenticatedAt <= STEP_UP_MAX_AGE_MS && session.authenticatedAt <= now + 60_000;
}

export function shouldRecordActivity(session: SessionTimes, now: number): boolean {
  return now - session.lastActiveAt >= ACTIVITY_RESOLUTION_MS;
}
