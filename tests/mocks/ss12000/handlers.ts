/**
 * A fake school system speaking SS 12000:2020 (msw), for the tests and the demo: an OAuth2 token
 * endpoint (client credentials, RFC 6749 §4.4) and GET /organisations, /persons and
 * /aggregatedAttendance, paged with opaque `pageToken`s. Every body it sends is first checked
 * against the standard's OpenAPI schemas (./validate.ts) when `validate` is on, so a handler that
 * drifts from the standard fails the test that used it. `state` switches the failure paths:
 *   expireFirstToken  the first token it issues is refused once (401): the client must renew it
 *   refuseTokens      every API call answers 401, even with a fresh token
 *   failAt            { path, status, page? }: that endpoint answers 500/503/… (on that page)
 *   pageSize          the most items a page holds, whatever `limit` asks
 *
 * Bundled into the server (mock-services.server.ts), so msw is imported only dynamically.
 */
import type { HttpHandler } from "msw";
import { aggregatedAttendance, organisations, persons } from "./data";

export const DEMO_SS12000_BASE_URL = "http://skolsystem.demo.invalid/v2.0";
export const DEMO_SS12000_TOKEN_URL = "http://skolsystem.demo.invalid/oauth2/token";
export const DEMO_SS12000_CLIENT_ID = "samverkansportalen";
export const DEMO_SS12000_CLIENT_SECRET = "demo-hemlighet";

export type Ss12000MockState = {
  expireFirstToken: boolean;
  refuseTokens: boolean;
  failAt: { path: "/organisations" | "/persons" | "/aggregatedAttendance"; status: number; page?: number } | null;
  pageSize: number;
  /** Ordinary students besides the special cases (the demo shows a few more). */
  regularStudents: number;
  /** What the fake saw, for tests: requests without secrets. */
  requests: { path: string; query: string; authorised: boolean }[];
  tokensIssued: number;
};

export function defaultSs12000State(): Ss12000MockState {
  return { expireFirstToken: false, refuseTokens: false, failAt: null, pageSize: 100, regularStudents: 2, requests: [], tokensIssued: 0 };
}

type Validator = (path: string, method: string, status: number, body: unknown) => void;

export async function createSs12000Handlers(
  options: { state?: Ss12000MockState; validate?: boolean; baseUrl?: string; tokenUrl?: string; regularStudents?: number } = {},
): Promise<{ handlers: HttpHandler[]; state: Ss12000MockState }> {
  const { http, HttpResponse } = await import("msw");
  const state = options.state ?? { ...defaultSs12000State(), regularStudents: options.regularStudents ?? 2 };
  const base = options.baseUrl ?? DEMO_SS12000_BASE_URL;
  const validate: Validator = options.validate ? await (await import("./validate")).ss12000Validator() : () => {};
  const live = new Set<string>();
  let firstToken: string | null = null;

  const json = (specPath: string, status: number, body: unknown) => {
    validate(specPath, "get", status, body);
    return HttpResponse.json(body as Record<string, unknown>, { status });
  };
  const error = (specPath: string, status: number, code: string, message: string) => json(specPath, status, { code, message });

  const token = http.post(options.tokenUrl ?? DEMO_SS12000_TOKEN_URL, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    const expected = `Basic ${Buffer.from(`${DEMO_SS12000_CLIENT_ID}:${encodeURIComponent(DEMO_SS12000_CLIENT_SECRET)}`).toString("base64")}`;
    if (form.get("grant_type") !== "client_credentials") return HttpResponse.json({ error: "unsupported_grant_type" }, { status: 400 });
    if (request.headers.get("authorization") !== expected) return HttpResponse.json({ error: "invalid_client" }, { status: 401 });
    const accessToken = `demo-token-${++state.tokensIssued}`;
    live.add(accessToken);
    firstToken ??= accessToken;
    return HttpResponse.json({ access_token: accessToken, token_type: "Bearer", expires_in: 3600 }, { headers: { "Cache-Control": "no-store" } });
  });

  /** A paged list endpoint over `all(query)`; the token encodes the endpoint, the offset and the first query. */
  const list = (specPath: "/organisations" | "/persons" | "/aggregatedAttendance", all: (query: URLSearchParams) => unknown[] | null) =>
    http.get(`${base}${specPath}`, ({ request }) => {
      const url = new URL(request.url);
      const bearer = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
      const authorised = live.has(bearer) && !state.refuseTokens;
      // Bounded: the demo server runs for days.
      if (state.requests.length < 1000) state.requests.push({ path: specPath, query: url.search, authorised });
      if (state.expireFirstToken && bearer === firstToken && live.has(bearer)) {
        live.delete(bearer);
        return new HttpResponse(null, { status: 401, headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' } });
      }
      if (!authorised) return new HttpResponse(null, { status: 401, headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' } });

      const pageToken = url.searchParams.get("pageToken");
      const others = [...url.searchParams.keys()].filter((k) => k !== "pageToken" && k !== "limit");
      if (pageToken && others.length > 0) return error(specPath, 400, "invalid_filter", "Filter kan inte kombineras med pageToken.");
      let offset = 0;
      let query = url.searchParams;
      if (pageToken) {
        try {
          const decoded = JSON.parse(Buffer.from(pageToken, "base64url").toString()) as { p: string; o: number; q: string };
          if (decoded.p !== specPath) throw new Error("fel ändpunkt");
          offset = decoded.o;
          query = new URLSearchParams(decoded.q);
        } catch {
          return error(specPath, 400, "invalid_page_token", "Ogiltig pageToken.");
        }
      }
      const page = Math.floor(offset / state.pageSize) + 1;
      if (state.failAt?.path === specPath && (state.failAt.page ?? page) === page) {
        const status = state.failAt.status;
        return error(specPath, status, status === 503 ? "overload" : "internal_error", status === 503 ? "Svaret är för stort." : "Internt fel.");
      }
      const limit = Math.min(Number(url.searchParams.get("limit") ?? state.pageSize) || state.pageSize, state.pageSize);
      const items = all(query);
      if (!items) return error(specPath, 400, "missing_parameter", "Obligatoriska parametrar saknas.");
      const data = items.slice(offset, offset + limit);
      const next =
        offset + limit < items.length ? Buffer.from(JSON.stringify({ p: specPath, o: offset + limit, q: query.toString() })).toString("base64url") : null;
      return json(specPath, 200, { data, pageToken: next });
    });

  const handlers = [
    token,
    list("/organisations", (q) => {
      const types = q.getAll("type");
      return organisations().filter((o) => types.length === 0 || types.includes(o.organisationType));
    }),
    list("/persons", (q) => {
      const everyone = persons(state.regularStudents);
      return q.get("relationship.entity.type") === "enrolment" ? everyone.filter((p) => p.enrolments.length > 0) : everyone;
    }),
    list("/aggregatedAttendance", (q) => {
      const start = q.get("startDate");
      const end = q.get("endDate");
      // Required by the standard; a client that leaves them out gets an error, not data.
      if (!start || !end) return null;
      return aggregatedAttendance(start, end, state.regularStudents);
    }),
  ];
  return { handlers, state };
}
