import { PassThrough } from "node:stream";
import type { EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { getDb } from "#db/client";
import { NonceContext } from "~/lib/nonce";
import { startDemoMockServices } from "~/modules/integrations/mock-services.server";
import { applySecurityHeaders, newNonce } from "~/modules/security/headers.server";
import { loggableError } from "~/lib/log-safe";
import { scheduleStatusJob } from "~/modules/jobs/status-job.server";
import { scheduleExtractJob } from "~/modules/jobs/extract-job.server";
import { scheduleMailDelivery } from "~/modules/notifications/mail-delivery.server";

const ABORT_DELAY = 5_000;

// Open the database when the server starts, not at the first request: the configuration is
// validated, the pragmas verified and pending migrations applied, or the server refuses to start.
getDb();
// Bring case statuses up to date with the calendar now and then every hour (idempotent): the end
// of the responsibility at 20 and "i insats". Pages only read; see docs/decisions/0009-status-job.md.
scheduleStatusJob();
// Fetch the population-register extracts the samordnare has scheduled, when they are due.
scheduleExtractJob();
// Deliver the e-mail outbox to the SMTP relay (none in production without SMTP settings); what was
// queued before a restart is sent now. See docs/decisions/0022-smtp-outbox.md.
scheduleMailDelivery();
// In demo and test mode msw plays the external services (population register) in this process.
await startDemoMockServices();

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const nonce = newNonce();
  applySecurityHeaders(responseHeaders, nonce);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Log on the server only; users never see a stack trace.
          if (shellRendered) console.error(loggableError(error));
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  applySecurityHeaders(response.headers);
  return response;
};

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // A page that does not exist is not a server fault.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  // Only the path: query strings could carry search terms.
  console.error(`Fel vid ${request.method} ${new URL(request.url).pathname}: ${loggableError(error)}`);
}
