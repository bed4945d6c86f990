import { describe, expect, it } from "vitest";
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, isRecentlyAuthenticated, sessionExpiry, sessionState, STEP_UP_MAX_AGE_MS } from "~/modules/auth/session-policy";

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

describe("citizen sessions and step-up (fake clock)", () => {
  const scope = JSON.stringify([{ youthId: "a".repeat(16), relation: "self" }]);

  it("ends a youth's or guardian's session after 15 minutes idle and 2 hours in all", () => {
    expect(sessionState({ createdAt: start, lastActiveAt: start, citizenScope: scope }, start + 14 * MIN)).toBe("active");
    expect(sessionState({ createdAt: start, lastActiveAt: start, citizenScope: scope }, start + 15 * MIN)).toBe("idle_timeout");
    expect(sessionState({ createdAt: start, lastActiveAt: start + 119 * MIN, citizenScope: scope }, start + 120 * MIN)).toBe("absolute_timeout");
    // A staff session of the same age is still going.
    expect(sessionState({ createdAt: start, lastActiveAt: start + 119 * MIN, citizenScope: null }, start + 120 * MIN)).toBe("active");
    expect(sessionExpiry({ createdAt: start, lastActiveAt: start, citizenScope: scope })).toBe(start + 15 * MIN);
  });

  it("counts a proof of identity as recent for 15 minutes, and never one from before the column existed", () => {
    expect(STEP_UP_MAX_AGE_MS).toBe(15 * MIN);
    expect(isRecentlyAuthenticated({ authenticatedAt: start }, start + 15 * MIN)).toBe(true);
    expect(isRecentlyAuthenticated({ authenticatedAt: start }, start + 15 * MIN + 1)).toBe(false);
    expect(isRecentlyAuthenticated({ authenticatedAt: 0 }, start)).toBe(false);
    // A time far in the future (a provider's clock, a forged value) proves nothing.
    expect(isRecentlyAuthenticated({ authenticatedAt: start + 10 * MIN }, start)).toBe(false);
  });
});
