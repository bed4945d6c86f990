import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/lib/form.server";

describe("safeRedirect", () => {
  it.each(["/start", "/ungdomar?q=berg&sida=2", "/ungdomar/abc#identitet"])("keeps the local path %s", (path) => {
    expect(safeRedirect(path)).toBe(path);
  });

  it.each([
    "https://example.org/",
    "//example.org/",
    "/\\example.org",
    "/\t/example.org",
    "/\n/example.org",
    "/%09/example.org".replace("%09", "\t"),
    "\\\\example.org",
    "start",
    "",
    null,
    undefined,
  ])("refuses %j and falls back", (target) => {
    expect(safeRedirect(target as string | null | undefined, "/start")).toBe("/start");
  });
});
