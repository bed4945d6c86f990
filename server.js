// The portal's HTTP server: Remix's Express adapter (what remix-serve runs) with what remix-serve
// cannot do: refuse cross-origin writes with 403 before Remix runs (Remix's own check answers 500),
// refuse oversized bodies with 413 before they are read, know the client's address for login
// throttling, and log paths without query strings or personnummer.
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { limitRequestBodies, requestForRemix } from "./app/modules/security/body-limit.server.js";
import { logPath } from "./app/modules/security/log-path.js";
import { withinRequest } from "./app/modules/security/request-scope.server.js";
import { CROSS_ORIGIN_MESSAGE, isAllowedRequestOrigin } from "./app/modules/security/same-origin.js";

installGlobals();

// The demo catches its e-mail instead of sending it (scripts/mail-catcher.js): started here before
// the portal, unless an SMTP relay is configured or MAIL_CATCHER=off (the browser tests start their
// own). The portal's demo settings point at it (app/config.server.ts, MAIL_CATCHER).
if (process.env.PORTAL_MODE === "demo" && !process.env.SMTP_HOST && process.env.MAIL_CATCHER !== "off") {
  const { startMailCatcher } = await import("./scripts/mail-catcher.js");
  await startMailCatcher({
    smtpPort: Number(process.env.SMTP_PORT ?? 2525),
    httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080),
  }).catch((error) => {
    console.error(`E-postfångaren startar inte (${error instanceof Error ? error.message : error}); demon skickar ingen e-post.`);
  });
}

const root = path.dirname(url.fileURLToPath(import.meta.url));
// Importing the build opens the database: bad configuration, missing pragmas or a failed
// migration stop the server here, with the reason, instead of at the first request.
const build = await import(url.pathToFileURL(path.join(root, "build/index.js")).href).catch((error) => {
  console.error(`Samverkansportalen startar inte: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const trustProxyHops = Number(process.env.TRUST_PROXY_HOPS ?? 0);

const app = express();
app.disable("x-powered-by");
if (trustProxyHops > 0) app.set("trust proxy", trustProxyHops);
app.use(compression());

morgan.token("path", (req) => logPath(req.originalUrl ?? req.url));
app.use(morgan(":method :path :status :response-time ms", { skip: () => process.env.PORTAL_MODE === "test" }));

app.use((req, res, next) => {
  const expected = process.env.PUBLIC_ORIGIN ?? `${req.protocol}://${req.get("host")}`;
  if (!isAllowedRequestOrigin(req.method, (name) => req.get(name), expected)) {
    res.status(403).set("Cache-Control", "no-store").type("text/plain").send(CROSS_ORIGIN_MESSAGE);
    return;
  }
  next();
});

app.use(limitRequestBodies());

// Fingerprinted assets may be cached for ever; everything else briefly. (Pages and data get their
// security headers from app/entry.server.tsx.)
const staticHeaders = (res) => {
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "same-origin");
};
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y", setHeaders: staticHeaders }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h", setHeaders: staticHeaders }));

app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));

const handleRemix = createRequestHandler({
  build,
  mode: process.env.NODE_ENV ?? "production",
  getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
});
app.all("*", (req, res, next) => withinRequest(() => handleRemix(requestForRemix(req), res, next)));

const server = app.listen(port, host, () => {
  console.log(`Samverkansportalen körs på http://${host === "127.0.0.1" ? "localhost" : host}:${port}`);
});

// A stop (systemd, a container, Ctrl-C) lets the requests under way finish, then exits normally:
// every committed write is already in the WAL, and the process's exit hooks run.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    console.log(`Samverkansportalen stängs (${signal}).`);
    server.close(() => process.exit(0));
    globalThis.setTimeout(() => process.exit(0), 5000).unref();
  });
}
