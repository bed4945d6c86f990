import crypto from "node:crypto";
import { config } from "~/config.server";

export function newNonce() {
  return crypto.randomBytes(16).toString("base64");
}

/**
 * Headers on every page and data response (OWASP ASVS 14.4). Pages are never cached: nearly all
 * show personal data, and a shared computer's back button must not show another user's youths.
 */
export function applySecurityHeaders(headers: Headers, nonce?: string) {
  const scriptSrc = nonce ? `'self' 'nonce-${nonce}'` : "'self'";
  headers.set(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src ${scriptSrc}`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join("; "),
  );
  headers.set("X-Content-Type-Options", "nosniff");
  // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts,
  // which the CSRF check must refuse. Other sites never see our URLs.
  headers.set("Referrer-Policy", "same-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  headers.set("Cache-Control", "no-store");
  if (config().secureCookies) headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}
