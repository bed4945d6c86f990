/**
 * The national-scale page benchmark: seeds a large register and access log in bulk, times every
 * page's real route loader in-process, then serves the production build with `server.js` and loads
 * each page over HTTP with autocannon. Speed is measured and reported here, never asserted.
 *
 *   npm run bench                                    (3 000 youths, 100 000 log rows)
 *   BENCH_YOUTHS=30000 BENCH_LOG_ROWS=2000000 npm run bench
 *
 * Environment:
 *   BENCH_YOUTHS        youths in the benchmarked municipality's register (default 3000); a
 *                       neighbouring municipality gets a tenth as many
 *   BENCH_LOG_ROWS      rows in the access log (default 100000)
 *   BENCH_SEED          faker / PRNG seed (default 2026)
 *   BENCH_RUNS          in-process runs per page, after 3 warm-up runs (default 30)
 *   BENCH_HTTP          0 skips the HTTP part (default 1)
 *   BENCH_HTTP_SECONDS  autocannon duration per page and connection count (default 3)
 *   BENCH_CONNECTIONS   comma-separated connection counts (default "1,20")
 *   BENCH_BUILD         0 uses the existing build/ instead of running `npm run build` (default 1)
 *   BENCH_ANALYZE       1 runs ANALYZE after seeding (default 0: the portal never runs it, so neither do we)
 *
 * Files: tmp/bench/pages.db (the seeded database), tmp/bench/server.log, tmp/bench/report.md.
 * The server listens on 127.0.0.1 only, on a free port, and is stopped at the end.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import type { Who } from "./page-list";

const YOUTHS = Number(process.env.BENCH_YOUTHS ?? 3000);
const LOG_ROWS = Number(process.env.BENCH_LOG_ROWS ?? 100_000);
const SEED = Number(process.env.BENCH_SEED ?? 2026);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const HTTP = process.env.BENCH_HTTP !== "0";
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 3);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? "1,20").split(",").map(Number);
const BUILD = process.env.BENCH_BUILD !== "0";
const ANALYZE = process.env.BENCH_ANALYZE === "1";

const dir = path.resolve("tmp/bench");
const file = path.join(dir, "pages.db");
fs.mkdirSync(dir, { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
process.env.DATABASE_PATH = file;
process.env.PORTAL_MODE = "test";

const { getDb, closeDb } = await import("#db/client");
const { seedBench } = await import("./bulk-seed");
const { statusOf } = await import("../factories/requests");
const { pagesOf, requestersOf } = await import("./page-list");

/* ------------------------------------------------------------------ 1. seeding */
console.log(`Seedar ${YOUTHS} ungdomar och ${LOG_ROWS} loggrader i ${path.relative(process.cwd(), file)} …`);
const world = await seedBench({ youths: YOUTHS, logRows: LOG_ROWS, seed: SEED });
// As the server does at start: the status job stores the contact routine's next steps (the bulk seed
// writes enrollments directly) and brings statuses up to date, so the worklist is measured as in use.
const { runStatusJob } = await import("~/modules/jobs/status-job.server");
const jobStart = performance.now();
runStatusJob();
console.log(`Statusjobbet: ${((performance.now() - jobStart) / 1000).toFixed(1)} s`);
if (ANALYZE) getDb().$client.exec("ANALYZE");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `Seedning klar på ${seconds(world.timings.totalMs)} (register ${seconds(world.timings.youthsMs)}, övrigt ${seconds(world.timings.restMs)}, logg ${seconds(world.timings.logMs)})`,
);

const PAGES = pagesOf(world);

/* ------------------------------------------------------------------ 2. in-process loaders */
function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
  return { median: at(0.5), p95: at(0.95) };
}

type InProcessRow = { label: string; status: number; median: number; p95: number; error?: string };
const inProcess: InProcessRow[] = [];
{
  const as = await requestersOf(world);
  const requester = (who: Who) => as[who];
  console.log(`\nLaddare i processen (${RUNS} körningar efter 3 uppvärmningar):`);
  for (const page of PAGES) {
    const r = requester(page.who);
    const times: number[] = [];
    let status = 0;
    let error: string | undefined;
    try {
      for (let i = 0; i < 3; i++) status = await statusOf(() => page.run(r.get(page.path(i)), i));
      for (let i = 0; i < RUNS; i++) {
        const request = r.get(page.path(i));
        const t = performance.now();
        await statusOf(() => page.run(request, i));
        times.push(performance.now() - t);
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const s = times.length ? stats(times) : { median: NaN, p95: NaN };
    inProcess.push({ label: page.label, status, ...s, error });
    console.log(
      `${page.label.padEnd(44)} ${String(status).padStart(3)}  median ${s.median.toFixed(2).padStart(8)} ms  p95 ${s.p95.toFixed(2).padStart(8)} ms${error ? `  FEL: ${error}` : ""}`,
    );
  }
}

/* ------------------------------------------------------------------ 3. over HTTP */
type HttpRow = {
  label: string;
  connections: number;
  status: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  rss: number;
};
const httpRows: HttpRow[] = [];
let coldStartMs = NaN;
let statusJobLine = "";
let peakRssKb = 0;
let httpNote = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function rssKb(pid: number) {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

if (HTTP) {
  if (BUILD) {
    console.log("\nBygger (npm run build) …");
    const built = spawnSync("npm", ["run", "build"], { encoding: "utf8", stdio: "pipe" });
    if (built.status !== 0) {
      console.error(built.stdout, built.stderr);
      throw new Error("npm run build misslyckades");
    }
  }
  if (!fs.existsSync("build/index.js")) throw new Error("build/index.js saknas: kör npm run build eller sätt BENCH_BUILD=1");
  const as = await requestersOf(world);
  const cookieOf = (who: Who) => (who === "none" ? undefined : (as[who].get("/").headers.get("Cookie") ?? undefined));
  closeDb();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = fs.openSync(path.join(dir, "server.log"), "w");
  const started = performance.now();
  // As `npm run serve` starts it (package.json): the heap limit is what keeps RSS bounded under load.
  const child = spawn(process.execPath, ["--max-old-space-size=256", "server.js"], {
    env: { ...process.env, NODE_ENV: "production", PORTAL_MODE: "test", DATABASE_PATH: file, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", log, log],
  });
  const stopOnExit = () => child.kill("SIGKILL");
  process.once("exit", stopOnExit);
  let currentPeak = 0;
  const sampler = setInterval(() => {
    const kb = rssKb(child.pid!);
    peakRssKb = Math.max(peakRssKb, kb);
    currentPeak = Math.max(currentPeak, kb);
  }, 100);
  try {
    // Cold start: spawn → the first 200 from /logga-in (migrations and the status job run in between).
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Servern avslutades med kod ${child.exitCode}; se tmp/bench/server.log`);
      if (performance.now() - started > 180_000) throw new Error("Servern svarade inte inom 180 s");
      const ok = await fetch(`${base}/logga-in`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    coldStartMs = performance.now() - started;
    // The status job runs a second after start (in steps, between requests): measuring during it would
    // measure the job. Wait for its log line, then go on.
    const serverLog = path.join(dir, "server.log");
    for (const waitStarted = performance.now(); !/Statusjobbet (kördes|misslyckades)/.test(fs.readFileSync(serverLog, "utf8"));) {
      if (performance.now() - waitStarted > 300_000) throw new Error("Statusjobbet blev inte klart inom 300 s");
      await new Promise((r) => setTimeout(r, 100));
    }
    statusJobLine = /Statusjobbet[^\n]*/.exec(fs.readFileSync(serverLog, "utf8"))?.[0] ?? "";
    console.log(statusJobLine);
    console.log(`\nKallstart ${coldStartMs.toFixed(0)} ms. Last: ${HTTP_SECONDS} s per sida och antal anslutningar (${CONNECTIONS.join(", ")}).`);

    for (const page of PAGES.filter((p) => p.http)) {
      const cookie = cookieOf(page.who);
      const headers: Record<string, string> = cookie ? { cookie } : {};
      const status = await fetch(base + page.path(0), { headers, redirect: "manual" }).then((r) => r.status);
      for (const connections of CONNECTIONS) {
        let i = 0;
        currentPeak = rssKb(child.pid!);
        const result = await autocannon({
          url: base,
          connections,
          duration: HTTP_SECONDS,
          timeout: 30,
          headers,
          requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: page.path(i++) }) }],
        });
        const row: HttpRow = {
          label: page.label,
          connections,
          status,
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          rss: currentPeak,
        };
        httpRows.push(row);
        // autocannon stops with requests still in flight; let the server finish them (one more request
        // waits behind them) so that they do not count against the next measurement.
        await fetch(`${base}/logga-in`).then((r) => r.arrayBuffer());
        console.log(
          `${page.label.padEnd(44)} c=${String(connections).padStart(2)} ${String(status).padStart(3)}  ${row.rps.toFixed(0).padStart(6)} req/s  p50 ${row.p50.toFixed(1).padStart(7)} ms  p99 ${row.p99.toFixed(1).padStart(7)} ms  non-2xx ${row.non2xx}  fel ${row.errors}  RSS ${(row.rss / 1024).toFixed(0)} MiB`,
        );
      }
    }
  } catch (e) {
    httpNote = e instanceof Error ? e.message : String(e);
    console.error(`HTTP-delen avbröts: ${httpNote}`);
  } finally {
    clearInterval(sampler);
    await stopServer(child);
    process.off("exit", stopOnExit);
    fs.closeSync(log);
  }
  const serverErrors = fs
    .readFileSync(path.join(dir, "server.log"), "utf8")
    .split("\n")
    .filter((l) => /error|fel/i.test(l));
  if (serverErrors.length) httpNote += ` Serverloggen har ${serverErrors.length} felrader (tmp/bench/server.log), t.ex.: ${serverErrors[0]!.slice(0, 200)}`;
} else {
  closeDb();
}

/* ------------------------------------------------------------------ 4. the report */
const c = world.counts;
const fmt = (n: number) => n.toLocaleString("sv-SE");
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "–");
const size = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
const lines: string[] = [];
lines.push(`# Sidbenchmark ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`, "");
lines.push(
  `Node ${process.version}, ${process.platform}/${process.arch}, ${os.cpus().length} CPU, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")} at the end. ANALYZE: ${ANALYZE ? "ja" : "nej"}.`,
  "",
);
lines.push("## Storlek och seedning", "", "| | |", "|---|---|");
const sizeRows: [string, string][] = [
  ["Ungdomar (Benchkommun)", fmt(c.youths - c.neighbourYouths)],
  ["Ungdomar (Grannkommun)", fmt(c.neighbourYouths)],
  ["Handläggare i KAA-enheten", fmt(c.caseworkers)],
  ["Inskrivningar", fmt(c.enrollments)],
  ["Dokumenterade inskrivningar (sammanfattning lagrad)", fmt(c.documented)],
  ["Insatser", fmt(c.interventions)],
  ["Kontaktförsök", fmt(c.contactAttempts)],
  ["Dokumentationsrevisioner", fmt(c.documentationRevisions)],
  ["Samtycken / remisser / orosanmälningar", `${fmt(c.consents)} / ${fmt(c.referrals)} / ${fmt(c.concernReports)}`],
  ["Skolanmälningar", fmt(c.notices)],
  ["Loggrader (efter seedning)", fmt(c.auditEvents)],
  ["Databasfil", `${(size / 1024 / 1024).toFixed(0)} MiB`],
  ["Seedning: register och ärenden", seconds(world.timings.youthsMs + world.timings.restMs)],
  ["Seedning: loggen", `${seconds(world.timings.logMs)} (${fmt(Math.round(LOG_ROWS / Math.max(0.001, world.timings.logMs / 1000)))} rader/s inkl. index)`],
  ["Seedning totalt", seconds(world.timings.totalMs)],
  ["Kontroll mot recomputeDocumentation", `${world.timings.checkedSummaries} sammanfattningar lika`],
];
for (const [k, v] of sizeRows) lines.push(`| ${k} | ${v} |`);
lines.push("", `## Laddare i processen (${RUNS} körningar, ms)`, "", "| Sida | Status | Median | p95 |", "|---|---:|---:|---:|");
for (const r of inProcess) lines.push(`| ${r.label} | ${r.status}${r.error ? ` FEL: ${r.error}` : ""} | ${ms(r.median)} | ${ms(r.p95)} |`);
if (HTTP) {
  lines.push("", `## HTTP (server.js, produktionsbygge, ${HTTP_SECONDS} s per mätning)`, "");
  lines.push(
    `Kallstart (spawn → första 200 från /logga-in): ${Number.isFinite(coldStartMs) ? `${coldStartMs.toFixed(0)} ms` : "–"}. Högsta RSS under last: ${(peakRssKb / 1024).toFixed(0)} MiB. Serverns statusjobb (efter start, mellan förfrågningar, före mätningen): ${statusJobLine || "–"}`,
  );
  if (httpNote) lines.push("", `**Obs:** ${httpNote.trim()}`);
  lines.push(
    "",
    "| Sida | Anslutningar | Status | req/s | p50 ms | p99 ms | non-2xx | fel/timeouts | × /logga-in (req/s-kvot) | RSS MiB |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of httpRows) {
    const login = httpRows.find((x) => x.label === PAGES[0]!.label && x.connections === r.connections);
    const ratio = login && r.rps > 0 ? (login.rps / r.rps).toFixed(1) : "–";
    lines.push(
      `| ${r.label} | ${r.connections} | ${r.status} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.non2xx} | ${r.errors}/${r.timeouts} | ${ratio} | ${(r.rss / 1024).toFixed(0)} |`,
    );
  }
}
const report = `${lines.join("\n")}\n`;
fs.writeFileSync(path.join(dir, "report.md"), report);
console.log(`\n${report}`);
console.log(`Rapporten: ${path.relative(process.cwd(), path.join(dir, "report.md"))}`);
