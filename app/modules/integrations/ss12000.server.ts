/**
 * A client of a school system's SS 12000:2020 API (the public draft, v2.0): a bearer token from
 * the organiser's OAuth2 token endpoint, then GET requests followed page by page with `pageToken`.
 *
 * The draft declares only `BearerAuth` (http bearer); how the token is obtained is ours to
 * configure, per RFC 6749 §4.4 (client credentials) — see docs/decisions/0016.
 *
 * Everything that goes wrong becomes an Ss12000Error with a Swedish message for the
 * systemförvaltare. Messages and logs carry HTTP statuses and field paths only: never a body (it
 * may hold personnummer), never the secret or the token.
 */
import crypto from "node:crypto";
import type { z } from "zod";
import { SS12000_MESSAGES as M } from "./ss12000-messages";

export type Ss12000Settings = {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string | null;
};

export class Ss12000Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Ss12000Error";
  }
}

type Transport = (url: string, init: RequestInit) => Promise<Response>;
let transport: Transport = (url, init) => fetch(url, init);

/** Demo and test mode: msw answers through this instead of the network (see mock-services.server.ts). */
export function setSs12000Transport(next: Transport) {
  transport = next;
}

/** Per request; a school system that has not answered in this time is reported as not answering. */
export const SS12000_TIMEOUT_MS = 20_000;
/** A token is renewed this long before it expires, so that it does not run out mid-request. */
const EXPIRY_MARGIN_MS = 30_000;
/** Without expires_in the token is trusted for this long. */
const DEFAULT_TOKEN_LIFETIME_MS = 5 * 60_000;
/** A runaway server that never says "last page" is stopped here. */
const MAX_PAGES = 10_000;

type CachedToken = { accessToken: string; expiresAt: number };
const tokenCache = new Map<string, CachedToken>();

/** The cache key hashes the secret: a changed secret or scope never reuses an old token. */
function cacheKey(s: Ss12000Settings) {
  return crypto
    .createHash("sha256")
    .update(JSON.stringify([s.tokenUrl, s.clientId, s.clientSecret, s.scope ?? ""]))
    .digest("hex");
}

/** Tests: forget every token. */
export function clearSs12000TokenCache() {
  tokenCache.clear();
}

/** Logs why a fetch failed: statuses and field paths only. */
function logFailure(detail: string) {
  console.warn(`SS 12000-hämtning misslyckades: ${detail}`);
}

/** Not awaited: cancelling an msw-mocked body never settles. */
function discardBody(response: Response) {
  response.body?.cancel().catch(() => {});
}

async function send(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return await transport(url, { ...init, redirect: "error", signal });
  } catch (error) {
    if (signal.aborted || (error instanceof Error && error.name === "TimeoutError")) {
      logFailure(`inget svar inom ${timeoutMs} ms`);
      throw new Ss12000Error(M.timeout);
    }
    // The error's name only: a message can echo the URL or the request.
    logFailure(error instanceof Error ? error.name : "okänt fel");
    throw new Ss12000Error(M.unreachable);
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    logFailure("svaret var inte JSON");
    throw new Ss12000Error(M.invalidJson);
  }
}

/** RFC 6749 §2.3.1: client id and secret are form-encoded before they go into HTTP Basic. */
function basicAuth(s: Ss12000Settings) {
  const encode = (v: string) => encodeURIComponent(v).replace(/%20/g, "+");
  return `Basic ${Buffer.from(`${encode(s.clientId)}:${encode(s.clientSecret)}`).toString("base64")}`;
}

async function requestToken(s: Ss12000Settings, timeoutMs: number): Promise<CachedToken> {
  const body = new URLSearchParams({ grant_type: "client_credentials" });
  if (s.scope) body.set("scope", s.scope);
  const response = await send(
    s.tokenUrl,
    {
      method: "POST",
      headers: { Authorization: basicAuth(s), "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: body.toString(),
    },
    timeoutMs,
  );
  if (response.status !== 200) {
    discardBody(response);
    logFailure(`token: HTTP ${response.status}`);
    throw new Ss12000Error(response.status === 400 || response.status === 401 ? M.tokenRejected : M.tokenUnavailable);
  }
  const json = (await readJson(response)) as { access_token?: unknown; token_type?: unknown; expires_in?: unknown } | null;
  const token = json && typeof json.access_token === "string" && json.access_token.length > 0 ? json.access_token : null;
  // RFC 6749 §7.1: the type is case-insensitive; only bearer tokens are usable against SS 12000.
  if (!token || typeof json?.token_type !== "string" || json.token_type.toLowerCase() !== "bearer") {
    logFailure("token: oväntat svar");
    throw new Ss12000Error(M.tokenInvalid);
  }
  const lifetime = typeof json.expires_in === "number" && json.expires_in > 0 ? json.expires_in * 1000 : DEFAULT_TOKEN_LIFETIME_MS;
  return { accessToken: token, expiresAt: Date.now() + Math.max(0, lifetime - EXPIRY_MARGIN_MS) };
}

export type Ss12000Client = {
  /**
   * The pages of a list endpoint, each checked with `schema` (zod, only the fields we use). The
   * filters go on the first request only: the standard refuses filters next to a pageToken (400).
   */
  pages<T>(path: string, filters: Record<string, string | string[]>, schema: z.ZodType<{ data: T[]; pageToken?: string | null }>): AsyncGenerator<T[]>;
};

export function createSs12000Client(settings: Ss12000Settings, options: { pageSize?: number; timeoutMs?: number } = {}): Ss12000Client {
  const timeoutMs = options.timeoutMs ?? SS12000_TIMEOUT_MS;
  const pageSize = options.pageSize ?? 500;
  const key = cacheKey(settings);
  const base = settings.baseUrl.replace(/\/+$/, "");

  async function token(renew: boolean): Promise<string> {
    const cached = tokenCache.get(key);
    if (!renew && cached && cached.expiresAt > Date.now()) return cached.accessToken;
    tokenCache.delete(key);
    const fresh = await requestToken(settings, timeoutMs);
    tokenCache.set(key, fresh);
    return fresh.accessToken;
  }

  /** One GET with a bearer token; on 401 the token is renewed once and the request sent once more. */
  async function get(url: string, label: string): Promise<unknown> {
    let response: Response | null = null;
    for (const renew of [false, true]) {
      const accessToken = await token(renew);
      response = await send(url, { method: "GET", headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json" } }, timeoutMs);
      if (response.status !== 401) break;
      discardBody(response);
      logFailure(`${label}: HTTP 401${renew ? " efter förnyad token" : ", förnyar token"}`);
    }
    const status = response!.status;
    if (status === 200) return readJson(response!);
    discardBody(response!);
    logFailure(`${label}: HTTP ${status}`);
    if (status === 401) throw new Ss12000Error(M.unauthorised);
    if (status === 403) throw new Ss12000Error(M.forbidden);
    if (status === 400) throw new Ss12000Error(M.badRequest);
    if (status === 404) throw new Ss12000Error(M.notFound);
    if (status === 503) throw new Ss12000Error(M.overloaded);
    if (status >= 500) throw new Ss12000Error(M.serverError(status));
    throw new Ss12000Error(M.unexpectedStatus(status));
  }

  return {
    async *pages(path, filters, schema) {
      const label = path.replace(/^\//, "");
      const first = new URLSearchParams();
      for (const [name, value] of Object.entries(filters)) for (const v of Array.isArray(value) ? value : [value]) first.append(name, v);
      first.set("limit", String(pageSize));
      let query = first;
      const seen = new Set<string>();
      for (let page = 1; page <= MAX_PAGES; page++) {
        const body = await get(`${base}${path}?${query.toString()}`, label);
        const parsed = schema.safeParse(body);
        if (!parsed.success) {
          // Only the paths of the invalid fields: the values may be personal data.
          const fields = [...new Set(parsed.error.issues.map((i) => i.path.map((p) => (typeof p === "number" ? "[]" : String(p))).join(".") || "(rot)"))];
          logFailure(`${label}: svaret följer inte SS 12000 (${fields.slice(0, 5).join(", ")})`);
          throw new Ss12000Error(M.schemaMismatch(label, fields.slice(0, 3)));
        }
        yield parsed.data.data;
        const next = parsed.data.pageToken;
        if (!next) return;
        if (seen.has(next)) {
          logFailure(`${label}: samma pageToken två gånger`);
          throw new Ss12000Error(M.pagingLoop);
        }
        seen.add(next);
        // Later pages: the token and the page size only (SS 12000 400_invalid_filter otherwise).
        query = new URLSearchParams({ pageToken: next, limit: String(pageSize) });
      }
      throw new Ss12000Error(M.pagingLoop);
    },
  };
}
