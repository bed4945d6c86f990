import { afterEach, describe, expect, it } from "vitest";
import { config, resetConfigForTests } from "~/config.server";
import { decryptSecret, encryptSecret, personalNumberKey } from "~/modules/auth/secrets.server";

const saved = { mode: process.env.PORTAL_MODE, key: process.env.AUTH_SECRETS_KEY };

afterEach(() => {
  process.env.PORTAL_MODE = saved.mode;
  if (saved.key === undefined) delete process.env.AUTH_SECRETS_KEY;
  else process.env.AUTH_SECRETS_KEY = saved.key;
  resetConfigForTests();
});

describe("secrets at rest", () => {
  it("decrypts what it encrypted, with a fresh IV each time", () => {
    const a = encryptSecret("JBSWY3DPEHPK3PXP", "totp:7");
    const b = encryptSecret("JBSWY3DPEHPK3PXP", "totp:7");
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(a, "totp:7")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses a secret moved to another row, or changed", () => {
    const stored = encryptSecret("hemligt", "idp:1");
    expect(() => decryptSecret(stored, "idp:2")).toThrow();
    const [v, iv, body, tag] = stored.split(":");
    const flipped = `${v}:${iv}:${body!.slice(0, -2)}${body!.endsWith("A") ? "B" : "A"}${body!.slice(-1)}:${tag}`;
    expect(() => decryptSecret(flipped, "idp:1")).toThrow();
  });

  it("keys a personnummer without revealing it, the same way every time, and differently under another key", () => {
    const pnr = "200701140871";
    const key = personalNumberKey(pnr);
    expect(key).toBe(personalNumberKey(pnr));
    expect(key).not.toContain("20070114");
    process.env.AUTH_SECRETS_KEY = Buffer.alloc(32, 9).toString("base64");
    resetConfigForTests();
    expect(personalNumberKey(pnr)).not.toBe(key);
  });

  it("will not start in production without a key of 32 bytes", () => {
    process.env.PORTAL_MODE = "production";
    delete process.env.AUTH_SECRETS_KEY;
    resetConfigForTests();
    expect(() => config()).toThrow(/AUTH_SECRETS_KEY krävs/);
    process.env.AUTH_SECRETS_KEY = Buffer.alloc(16, 1).toString("base64");
    resetConfigForTests();
    expect(() => config()).toThrow(/32 byte/);
    process.env.AUTH_SECRETS_KEY = Buffer.alloc(32, 1).toString("base64");
    resetConfigForTests();
    expect(config().authSecretsKey).toHaveLength(32);
    expect(config().demoIdentityProvider).toBeNull();
  });
});
