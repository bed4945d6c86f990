/** OWASP ASVS 3.3: sessions end after inactivity and after an absolute lifetime. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Recording activity on every request would write on every page view; once a minute is enough. */
export const ACTIVITY_RESOLUTION_MS = 60 * 1000;

export type SessionTimes = { createdAt: number; lastActiveAt: number };
export type SessionState = "active" | "idle_timeout" | "absolute_timeout";

export function sessionState(session: SessionTimes, now: number): SessionState {
  if (now - session.createdAt >= ABSOLUTE_LIFETIME_MS) return "absolute_timeout";
  if (now - session.lastActiveAt >= IDLE_TIMEOUT_MS) return "idle_timeout";
  return "active";
}

/** When the session would end if the user did nothing more. */
export function sessionExpiry(session: SessionTimes): number {
  return Math.min(session.createdAt + ABSOLUTE_LIFETIME_MS, session.lastActiveAt + IDLE_TIMEOUT_MS);
}

export function shouldRecordActivity(session: SessionTimes, now: number): boolean {
  return now - session.lastActiveAt >= ACTIVITY_RESOLUTION_MS;
}
