import { config } from "~/config.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for every state-changing request (OWASP ASVS 4.2.2, 13.2.3): a request whose
 * Origin is foreign, or that the browser marks as cross-site, is refused with 403 before
 * anything is read or written. SameSite=Lax cookies are the second layer.
 */
export function assertSameOrigin(request: Request) {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const expected = config().PUBLIC_ORIGIN ?? new URL(request.url).origin;
  const crossSite = fetchSite === "cross-site" || fetchSite === "same-site";
  const foreignOrigin = origin !== null && origin !== new URL(expected).origin;
  if (crossSite || foreignOrigin) {
    throw new Response("Förfrågan kom från en annan webbplats och har stoppats.", {
      status: 403,
      statusText: "Forbidden",
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

/** The client's address, for throttling. Only trusts X-Forwarded-For from configured proxies. */
export function clientAddress(request: Request): string {
  const hops = config().TRUST_PROXY_HOPS;
  if (hops > 0) {
    const chain = (request.headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const address = chain[chain.length - hops];
    if (address) return address;
  }
  // remix-serve does not expose the socket address; without a trusted proxy all clients share
  // one bucket, which is why the per-address limit is generous (see throttle.server.ts).
  return "direct";
}
