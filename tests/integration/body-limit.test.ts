// Bodies are limited before they are read: the middleware server.js mounts before Remix
// (app/modules/security/body-limit.server.js), in an express app on an ephemeral port, with raw
// HTTP requests as an attacker would send them.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minutesSchemaFor } from "~/modules/meetings/minutes-schemas";
import {
  bodyLimitFor,
  CSV_IMPORT_BODY_LIMIT,
  FILE_TOO_LARGE_MESSAGE,
  FORM_BODY_LIMIT,
  limitRequestBodies,
  MINUTES_BODY_LIMIT,
  requestForRemix,
  SCHOOL_LIST_BODY_LIMIT,
  SCHOOL_LIST_TOO_LARGE_MESSAGE,
  TOO_LARGE_MESSAGE,
} from "~/modules/security/body-limit.server.js";

let server: http.Server;
let port: number;
let bytesReadByServer = 0;

beforeAll(async () => {
  const app = express();
  app.use(limitRequestBodies());
  // Stands in for Remix: reads whatever body it is handed, as the adapter does.
  app.all("*", (req, res) => {
    const body = requestForRemix(req) as NodeJS.ReadableStream;
    const chunks: Buffer[] = [];
    body.on("data", (c: Buffer) => chunks.push(c));
    body.on("end", () => res.type("text/plain").send(`${req.method} ${Buffer.concat(chunks).toString()}`));
  });
  server = app.listen(0, "127.0.0.1");
  server.on("connection", (socket) => socket.on("close", () => (bytesReadByServer += socket.bytesRead)));
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Answer = { status: number; body: string };

/** Streams `total` bytes from one reused 64 KiB buffer until the server answers or hangs up. */
function send(path: string, total: number, options: { chunked?: boolean } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
    if (!options.chunked) headers["Content-Length"] = String(total);
    const request = http.request({ host: "127.0.0.1", port, path, method: "POST", headers });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (c: string) => (body += c));
      response.on("end", () => resolve({ status: response.statusCode!, body }));
      response.on("error", () => resolve({ status: response.statusCode!, body }));
    });
    // The server closing the connection under a write is expected once it has answered.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < total) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += piece.length;
        if (!request.write(piece)) return void request.once("drain", pump);
      }
      if (sent >= total && !answered) request.end();
    };
    pump();
  });
}

/** The largest growth of the process's memory while `run` runs, sampled every few milliseconds. */
async function memoryGrowth<T>(run: () => Promise<T>): Promise<{ result: T; rss: number; heap: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss - before.rss);
    heap = Math.max(heap, now.heapUsed + now.external + now.arrayBuffers - (before.heapUsed + before.external + before.arrayBuffers));
  };
  const timer = setInterval(sample, 2);
  try {
    const result = await run();
    sample();
    return { result, rss, heap };
  } finally {
    clearInterval(timer);
  }
}

const MB = 1024 * 1024;

describe("the body limit", () => {
  it.each([
    ["with Content-Length", false],
    ["chunked", true],
  ])("refuses a 50 MB body %s with 413 and a Swedish message, reading little of it and growing memory by a few MB at most", async (_name, chunked) => {
    bytesReadByServer = 0;
    const { result, rss, heap } = await memoryGrowth(() => send("/ungdomar/ny", 50 * MB, { chunked }));
    expect(result).toEqual({ status: 413, body: TOO_LARGE_MESSAGE });
    // Wait for the server to close the connection, then count what it read off the socket.
    await new Promise((resolve) => setTimeout(resolve, 700));
    // It read about 200 KB of the 50 MB (its socket buffers) before it hung up.
    expect(bytesReadByServer).toBeLessThan(1 * MB);
    expect(heap).toBeLessThan(5 * MB);
    expect(rss).toBeLessThan(10 * MB);
  });

  it("passes a form within the limit through unchanged, with Content-Length or chunked", async () => {
    expect(await send("/ungdomar/ny", FORM_BODY_LIMIT)).toEqual({ status: 200, body: `POST ${"a".repeat(FORM_BODY_LIMIT)}` });
    expect(await send("/ungdomar/ny", FORM_BODY_LIMIT, { chunked: true })).toEqual({ status: 200, body: `POST ${"a".repeat(FORM_BODY_LIMIT)}` });
    expect((await send("/ungdomar/ny", FORM_BODY_LIMIT + 1)).status).toBe(413);
    expect((await send("/ungdomar/ny", FORM_BODY_LIMIT + 1, { chunked: true })).status).toBe(413);
  });

  it("gives the CSV import its own limit and message, and the minutes theirs", async () => {
    expect(bodyLimitFor("/anmalningar/importera")).toMatchObject({ limit: CSV_IMPORT_BODY_LIMIT, message: FILE_TOO_LARGE_MESSAGE });
    expect(bodyLimitFor("/skollistor/ny")).toMatchObject({ limit: SCHOOL_LIST_BODY_LIMIT, message: SCHOOL_LIST_TOO_LARGE_MESSAGE });
    expect(bodyLimitFor("/skollistor/12").limit).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor("/samverkan/moten/12/protokoll").limit).toBe(MINUTES_BODY_LIMIT);
    expect(bodyLimitFor("/samverkan/moten/12/punkt").limit).toBe(FORM_BODY_LIMIT);
    expect((await send("/anmalningar/importera", 3 * MB)).status).toBe(200);
    expect(await send("/anmalningar/importera", CSV_IMPORT_BODY_LIMIT + 1)).toEqual({ status: 413, body: FILE_TOO_LARGE_MESSAGE });
    expect((await send("/anmalningar/importera", 5 * MB, { chunked: true })).status).toBe(413);
  });

  it("fits the minutes of a long meeting, every field full of Swedish prose, with room to spare", () => {
    const prose = "Gruppen gick igenom läget för ungdomar utanför gymnasieskolan; nästa steg är att bjuda in skolorna, även för öppna frågor.\n";
    const fill = (max: number) => prose.repeat(Math.ceil(max / prose.length)).slice(0, max);
    const items = Array.from({ length: 30 }, (_, i) => i + 1);
    const participants = Array.from({ length: 25 }, (_, i) => i + 1);
    const fields: [string, string][] = [
      ["intent", "save-minutes"],
      ["minutesNote", fill(4000)],
      ["adjusterMembershipId", "7"],
    ];
    for (const id of items) fields.push([`notes_${id}`, fill(4000)], [`decision_${id}`, fill(2000)]);
    for (const id of participants) fields.push([`present_${id}`, "on"]);
    // The same fields the minutes form has, each at its maximum: the schema accepts them all.
    expect(minutesSchemaFor(items, participants).safeParse(Object.fromEntries(fields)).success).toBe(true);
    const bytes = Buffer.byteLength(new URLSearchParams(fields).toString());
    expect(bytes).toBeGreaterThan(FORM_BODY_LIMIT);
    expect(bytes * 3).toBeLessThan(MINUTES_BODY_LIMIT);
  });
});
