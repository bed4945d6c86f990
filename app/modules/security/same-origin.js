// Plain JavaScript so that both the HTTP server (server.js) and the app can use the one rule.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may change state: safe methods always; otherwise only when the browser does
 * not mark it as cross-site and any Origin header is the portal's own (OWASP ASVS 4.2.2, 13.2.3).
 * @param {string} method
 * @param {(name: string) => string | null | undefined} header
 * @param {string} expectedOrigin e.g. "https://samverkan.kommun.se"
 * @returns {boolean}
 */
export function isAllowedRequestOrigin(method, header, expectedOrigin) {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const fetchSite = header("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") return false;
  const origin = header("origin");
  if (origin != null && origin !== new URL(expectedOrigin).origin) return false;
  return true;
}

export const CROSS_ORIGIN_MESSAGE = "Förfrågan kom från en annan webbplats och har stoppats.";
