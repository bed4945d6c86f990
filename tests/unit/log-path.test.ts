import { describe, expect, it } from "vitest";
import { logPath } from "~/modules/security/log-path.js";

describe("logPath (server.js access log)", () => {
  it("drops the query string and the fragment", () => {
    expect(logPath("/ungdomar?sok=Anna+Andersson&sida=2")).toBe("/ungdomar");
    expect(logPath("/ungdomar/abc#kontakter")).toBe("/ungdomar/abc");
  });

  it.each([
    ["/ungdomar/199001011234", "/ungdomar/[personnummer]"],
    ["/ungdomar/19900101-1234/plan", "/ungdomar/[personnummer]/plan"],
    ["/ungdomar/9001011234", "/ungdomar/[personnummer]"],
    ["/ungdomar/900101-1234", "/ungdomar/[personnummer]"],
    ["/ungdomar/900101+1234", "/ungdomar/[personnummer]"],
    ["/sok/pnr-199001011234.csv", "/sok/pnr-[personnummer].csv"],
    ["/ungdomar/19900101%2D1234?x=1", "/ungdomar/[personnummer]"],
  ])("replaces a personnummer-shaped path segment: %s", (path, logged) => {
    expect(logPath(path)).toBe(logged);
  });

  it.each(["/samverkan/moten/12/protokoll", "/ungdomar/k3Jd9aQ2xZ", "/build/entry-ABC123.js", "/x/12345678901234", "/x/123456789", "/x/%E0%A4%A"])(
    "leaves other paths alone: %s",
    (path) => {
      expect(logPath(path)).toBe(path);
    },
  );
});
