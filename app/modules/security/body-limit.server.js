// Plain JavaScript so that server.js can refuse oversized bodies before Remix reads them, and the
// routes can share the limits (".server": never in the browser bundle). Sizes are of the body as sent: forms are URL-encoded, where a
// character takes 1 byte (a–z), 3 (punctuation, line breaks) or 6 (å, ä, ö: %C3%A5).
import { Buffer } from "node:buffer";
import { PassThrough } from "node:stream";
import { setTimeout } from "node:timers";

/**
 * Every form but the two below. The largest of them, the individual plan, holds at most about
 * 4 400 characters; 64 KiB fits that even if every character were a 3-byte one (9 encoded bytes).
 */
export const FORM_BODY_LIMIT = 64 * 1024;

/**
 * The minutes of a meeting are one form: 4 000 characters for "övrigt" and 6 000 per agenda item
 * (notes and decision). A meeting of 30 items, every field full of Swedish prose, is about 250 KB
 * (tests/integration/body-limit.test.ts measures it); 1 MiB leaves room for four times that.
 */
export const MINUTES_BODY_LIMIT = 1024 * 1024;

/** The largest CSV file the notice import reads (the route says so in its own words below it). */
export const CSV_FILE_LIMIT = 2 * 1024 * 1024;

/**
 * The import posts the file (multipart), and "send only the valid rows" posts its decoded text back,
 * which is up to twice the bytes of a Windows-1252 file; plus the form's other fields.
 */
export const CSV_IMPORT_BODY_LIMIT = 2 * CSV_FILE_LIMIT + FORM_BODY_LIMIT;

/**
 * A school list (issue 14): a large huvudman's 30 000 rows are about 2 MB, so 8 MB leaves room for
 * longer lines and twice the rows. Only the file is posted (no text posted back).
 */
export const SCHOOL_LIST_FILE_LIMIT = 8 * 1024 * 1024;
export const SCHOOL_LIST_BODY_LIMIT = SCHOOL_LIST_FILE_LIMIT + FORM_BODY_LIMIT;
export const SCHOOL_LIST_TOO_LARGE_MESSAGE = "Filen är större än 8 MB. Dela upp den i flera filer och läs in dem var för sig.";

export const TOO_LARGE_MESSAGE = "Det du skickade är för stort för att tas emot. Korta ned texten och försök igen.";
export const FILE_TOO_LARGE_MESSAGE = "Filen är större än 2 MB. Dela upp den i flera filer och läs in dem var för sig.";

const ROUTE_LIMITS = [
  { path: /^\/anmalningar\/importera\/?$/, limit: CSV_IMPORT_BODY_LIMIT, message: FILE_TOO_LARGE_MESSAGE },
  { path: /^\/skollistor\/ny\/?$/, limit: SCHOOL_LIST_BODY_LIMIT, message: SCHOOL_LIST_TOO_LARGE_MESSAGE },
  { path: /^\/samverkan\/moten\/[^/]+\/protokoll\/?$/, limit: MINUTES_BODY_LIMIT, message: TOO_LARGE_MESSAGE },
];

/** The body limit of a path (without query string) and what to answer when it is exceeded. */
export function bodyLimitFor(path) {
  return ROUTE_LIMITS.find((r) => r.path.test(path)) ?? { limit: FORM_BODY_LIMIT, message: TOO_LARGE_MESSAGE };
}

const BUFFERED_BODY = Symbol("bufferedBody");

/**
 * Express middleware: a body over its path's limit gets 413 before it is read. A declared
 * Content-Length is checked first (Node's parser never delivers more than it declares); a chunked
 * body is read here, counting, and refused at the first byte over the limit, so memory stays within
 * the limit whatever is sent. Use `requestForRemix` to hand Remix the body read here.
 */
export function limitRequestBodies(limitFor = bodyLimitFor) {
  return (req, res, next) => {
    const { limit, message } = limitFor(req.path);
    const refuse = () => {
      // Stop reading, answer, and close the connection rather than drain the rest.
      req.pause();
      res.status(413).set({ "Cache-Control": "no-store", Connection: "close" }).type("text/plain").send(message);
      res.once("finish", () => setTimeout(() => req.socket.destroy(), 500).unref());
    };
    const declared = req.headers["content-length"];
    if (declared !== undefined) return Number(declared) > limit ? refuse() : next();
    if (req.headers["transfer-encoding"] === undefined) return next();

    const chunks = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        refuse();
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      req[BUFFERED_BODY] = Buffer.concat(chunks, size);
      next();
    };
    const onError = (error) => {
      stop();
      next(error);
    };
    req.on("data", onData).on("end", onEnd).on("error", onError);
  };
}

/**
 * What Remix's Express adapter should read: the request itself, or, when the limiter has read a
 * chunked body, a stream of those bytes that answers the adapter's other questions (method,
 * headers, URL, host, protocol, client address) from the request.
 */
export function requestForRemix(req) {
  const body = req[BUFFERED_BODY];
  if (body === undefined) return req;
  const stream = new PassThrough();
  stream.end(body);
  return Object.assign(stream, {
    method: req.method,
    headers: req.headers,
    originalUrl: req.originalUrl,
    hostname: req.hostname,
    protocol: req.protocol,
    ip: req.ip,
    socket: req.socket,
    get: (name) => req.get(name),
  });
}
