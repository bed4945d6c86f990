import { config } from "~/config.server";
import { CROSS_ORIGIN_MESSAGE, isAllowedRequestOrigin } from "./same-origin.js";

/**
 * CSRF defence for every state-changing request. server.js applies the same rule to every
 * request before Remix sees it; this check keeps actions safe however the app is served.
 */
export function assertSameOrigin(request: Request) {
  const expected = config().PUBLIC_ORIGIN ?? new URL(request.url).origin;
  if (!isAllowedRequestOrigin(request.method, (name) => request.headers.get(name), expected)) {
    throw new Response(CROSS_ORIGIN_MESSAGE, {
      status: 403,
      statusText: "Forbidden",
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

/** The portal's own address as browsers see it: PUBLIC_ORIGIN behind a proxy, else the request's own. */
export function portalOrigin(request: Request) {
  return config().PUBLIC_ORIGIN?.replace(/\/+$/, "") ?? new URL(request.url).origin;
}

/** The client's address as the HTTP server saw it (server.js honours TRUST_PROXY_HOPS). */
export function clientAddress(context: { clientAddress?: string }): string {
  return context.clientAddress ?? "unknown";
}
