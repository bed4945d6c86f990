// Plain JavaScript so that server.js can use it for its access log.

/**
 * A 10- or 12-digit number with or without the dash or plus (ÅÅMMDD-NNNN, ÅÅÅÅMMDDNNNN, ÅÅMMDD+NNNN),
 * not part of a longer run of digits: personnummer- and samordningsnummer-shaped.
 */
const PERSONNUMMER = /(?<!\d)(?:\d{8}|\d{6})[-+]?\d{4}(?!\d)/g;

/**
 * The path to write in the server log: no query string (it may hold search terms) and no
 * personnummer-shaped number in any path segment, even percent-encoded. The portal never puts one
 * in a URL, but a mistyped or hostile URL must not put one in the log either.
 */
export function logPath(url) {
  const path = String(url ?? "")
    .split("?")[0]
    .split("#")[0];
  return path
    .split("/")
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // A broken escape: judge the segment as written.
      }
      const cleaned = decoded.replace(PERSONNUMMER, "[personnummer]");
      return cleaned === decoded ? segment : cleaned;
    })
    .join("/");
}
