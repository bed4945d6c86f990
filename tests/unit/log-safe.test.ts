import { inspect } from "node:util";
import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loggableError } from "~/lib/log-safe";

describe("what reaches the server log", () => {
  it("leaves out the bound values of a failed query, which may hold a personnummer or case text", () => {
    const cause = Object.assign(new Error("UNIQUE constraint failed: youths.personal_number"), { code: "SQLITE_CONSTRAINT_UNIQUE" });
    const error = new DrizzleQueryError("insert into youths (personal_number) values (?)", ["200801012384"], cause);
    // What console.error(error) would print holds the value …
    expect(inspect(error)).toContain("200801012384");
    // … what is logged does not.
    const logged = loggableError(error);
    expect(logged).not.toContain("200801012384");
    expect(logged).toMatch(/databasfel, värden utelämnade/);
    expect(logged).toContain("SQLITE_CONSTRAINT_UNIQUE");
  });

  it("keeps the message and stack of other errors", () => {
    expect(loggableError(new TypeError("x is undefined"))).toContain("TypeError: x is undefined");
  });
});
