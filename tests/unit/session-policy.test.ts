import { describe, expect, it } from "vitest";
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, sessionExpiry, sessionState } from "~/modules/auth/session-policy";

const MIN = 60_000;
const start = Date.UTC(2026, 10, 23, 8, 0, 0);

describe("session timeouts (fake clock)", () => {
  it("are 30 minutes idle and 12 hours absolute", () => {
    expect(IDLE_TIMEOUT_MS).toBe(30 * MIN);
    expect(ABSOLUTE_LIFETIME_MS).toBe(12 * 60 * MIN);
  });

  it("keeps a session active until 30 minutes without activity have passed", () => {
    const session = { createdAt: start, lastActiveAt: start };
    expect(sessionState(session, start + 29 * MIN + 59_000)).toBe("active");
    expect(sessionState(session, start + 30 * MIN)).toBe("idle_timeout");
  });

  it("measures idleness from the last activity", () => {
    const session = { createdAt: start, lastActiveAt: start + 60 * MIN };
    expect(sessionState(session, start + 89 * MIN)).toBe("active");
    expect(sessionState(session, start + 90 * MIN)).toBe("idle_timeout");
  });

  it("ends a session after 12 hours even when it is used all the time", () => {
    let now = start;
    const session = { createdAt: start, lastActiveAt: start };
    while (now < start + 12 * 60 * MIN - 10 * MIN) {
      now += 10 * MIN;
      session.lastActiveAt = now;
      expect(sessionState(session, now)).toBe("active");
    }
    expect(sessionState(session, start + 12 * 60 * MIN)).toBe("absolute_timeout");
  });

  it("reports the earlier of the two limits as the expiry", () => {
    expect(sessionExpiry({ createdAt: start, lastActiveAt: start })).toBe(start + 30 * MIN);
    const late = start + 11 * 60 * MIN + 50 * MIN;
    expect(sessionExpiry({ createdAt: start, lastActiveAt: late })).toBe(start + 12 * 60 * MIN);
  });
});
