// Malformed bodies get 400 with a Swedish message, never 500, and nothing is written: the shared
// parseForm (app/lib/form.server.ts) and field helpers (app/lib/form-fields.ts), through real route
// actions with a real session on this file's own SQLite database.
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { contactAttempts, notices, youths } from "#db/schema";
import { addDays, todayIso } from "~/lib/dates";
import { FORBIDDEN_TEXT_MESSAGE } from "~/lib/form-fields";
import { FORM_MESSAGES } from "~/lib/form.server";
import { action as fileNoticeAction } from "~/routes/anmalningar.ny";
import { action as recordContactAction } from "~/routes/ungdomar.$youthId.kontakt";
import { action as registerYouthAction } from "~/routes/ungdomar.ny";
import { enrolledYouth } from "../factories/enrollment";
import { signedIn } from "../factories/requests";
import { createWorld } from "../factories/world";
import { swedishFaker, youthInput } from "../factories/youth";

let world: Awaited<ReturnType<typeof createWorld>>;
let youthId: string;
const faker = swedishFaker(1302);

type Target = {
  name: string;
  path: () => string;
  fields: () => Record<string, string>;
  as: () => keyof typeof world.actors;
  run: (request: Request) => Promise<unknown>;
  table: typeof youths | typeof notices | typeof contactAttempts;
};

function youthFields(): Record<string, string> {
  const y = youthInput(faker, { homeMunicipalityId: world.municipality.id, city: "Nässjö", postalPrefix: "571", protectedIdentity: false });
  return {
    personalNumber: y.personalNumber,
    firstName: y.firstName,
    lastName: y.lastName,
    homeMunicipalityId: String(world.municipality.id),
    startReason: "other",
  };
}

function noticeFields(): Record<string, string> {
  const y = youthInput(faker, { homeMunicipalityId: world.municipality.id, city: "Nässjö", postalPrefix: "571" });
  return {
    kind: "dropout",
    personalNumber: y.personalNumber,
    firstName: y.firstName,
    lastName: y.lastName,
    homeMunicipalityId: String(world.municipality.id),
    programme: "Ekonomiprogrammet",
    eventDate: addDays(todayIso(), -3),
    reason: "Har slutat enligt eget besked",
    contactName: "Eva Berg",
  };
}

const targets: Target[] = [
  {
    name: "registering a youth",
    path: () => "/ungdomar/ny",
    fields: youthFields,
    as: () => "caseworker",
    run: (request) => registerYouthAction({ request, params: {}, context: {} }),
    table: youths,
  },
  {
    name: "filing a notice",
    path: () => "/anmalningar/ny",
    fields: noticeFields,
    as: () => "school",
    run: (request) => fileNoticeAction({ request, params: {}, context: {} }),
    table: notices,
  },
  {
    name: "recording a contact attempt",
    path: () => `/ungdomar/${youthId}/kontakt`,
    fields: () => ({ channel: "phone", target: "youth", date: addDays(todayIso(), -1), outcome: "not_reached", note: "Ringde efter skolan" }),
    as: () => "caseworker",
    run: (request) => recordContactAction({ request, params: { youthId }, context: {} }),
    table: contactAttempts,
  },
];

beforeAll(async () => {
  world = await createWorld();
  youthId = enrolledYouth(world.actors.caseworker, { reached: false }).youthId;
});

const rows = (table: Target["table"]) => getDb().select({ n: count() }).from(table).get()!.n;

/** Runs the action and returns its status and body, whether the route returned or threw. */
async function answer(target: Target, request: Request): Promise<{ status: number; body: string }> {
  let response: unknown;
  try {
    response = await target.run(request);
  } catch (thrown) {
    response = thrown;
  }
  if (!(response instanceof Response)) throw new Error(`expected a Response, got ${String(response)}`);
  return { status: response.status, body: await response.text() };
}

async function post(target: Target, init: { body?: BodyInit | null; contentType?: string | null; fields?: [string, string][] }) {
  const session = await signedIn(world.actors[target.as()]);
  const base = session.post(target.path(), {});
  const headers = new Headers(base.headers);
  if (init.contentType === null) headers.delete("Content-Type");
  else if (init.contentType) headers.set("Content-Type", init.contentType);
  const body = init.fields ? new URLSearchParams(init.fields).toString() : init.body;
  return new Request(base.url, { method: "POST", headers, body: body ?? null });
}

describe.each(targets)("a malformed post to the action of $name", (target) => {
  it("is written when well-formed (the baseline the cases below differ from)", async () => {
    const before = rows(target.table);
    const { status } = await answer(target, await post(target, { fields: Object.entries(target.fields()) }));
    expect(status).toBe(302);
    expect(rows(target.table)).toBe(before + 1);
  });

  const cases: [string, () => Promise<Request>, RegExp | string][] = [
    ["no body at all", () => post(target, { contentType: null }), FORM_MESSAGES.unreadable],
    ["an empty form", () => post(target, { fields: [] }), /Ange|Välj/],
    ["a JSON body", () => post(target, { contentType: "application/json", body: JSON.stringify(target.fields()) }), FORM_MESSAGES.unreadable],
    ["a text body", () => post(target, { contentType: "text/plain", body: "firstName=Anna" }), FORM_MESSAGES.unreadable],
    ["a broken multipart body", () => post(target, { contentType: "multipart/form-data; boundary=x", body: "--x\r\nnonsense" }), FORM_MESSAGES.unreadable],
    [
      "a field posted twice",
      () => {
        const fields = Object.entries(target.fields());
        const [name, value] = fields.find(([key]) => ["firstName", "date"].includes(key))!;
        return post(target, { fields: [...fields, [name, name === "date" ? addDays(todayIso(), -2) : `${value}x`]] });
      },
      FORM_MESSAGES.repeated,
    ],
    [
      "a NUL in a name or free text",
      () => post(target, { fields: Object.entries({ ...target.fields(), ...textWith(target, "\u0000") }) }),
      FORBIDDEN_TEXT_MESSAGE,
    ],
    [
      "a bidi override (U+202E) in a name or free text",
      () => post(target, { fields: Object.entries({ ...target.fields(), ...textWith(target, "\u202E") }) }),
      FORBIDDEN_TEXT_MESSAGE,
    ],
    [
      "a bidi isolate (U+2066) in a name or free text",
      () => post(target, { fields: Object.entries({ ...target.fields(), ...textWith(target, "\u2066") }) }),
      FORBIDDEN_TEXT_MESSAGE,
    ],
  ];
  it.each(cases)("%s: 400 with a Swedish message, nothing written", async (_name, request, message) => {
    const before = rows(target.table);
    const { status, body } = await answer(target, await request());
    expect(status).toBe(400);
    expect(body).toMatch(typeof message === "string" ? new RegExp(escape(JSON.stringify(message).slice(1, -1)) + "|" + escape(message)) : message);
    expect(rows(target.table)).toBe(before);
  });
});

describe.each(targets.filter((t) => t.table !== youths))("an impossible date to the action of $name", (target) => {
  it.each(["2026-13-01", "2025-02-29", "2026-04-31", "2026-00-10"])("%s: 400, nothing written", async (date) => {
    const before = rows(target.table);
    const fields = { ...target.fields(), ...(target.table === notices ? { eventDate: date } : { date }) };
    const { status, body } = await answer(target, await post(target, { fields: Object.entries(fields) }));
    expect(status).toBe(400);
    expect(body).toMatch(/Datumet finns inte|ÅÅÅÅ-MM-DD/);
    expect(rows(target.table)).toBe(before);
  });
});

it("gives the text back without the control characters, so that sending again works", async () => {
  const target = targets[1]!;
  const fields = { ...target.fields(), reason: "Slutade\u202E efter jul" };
  const response = (await target.run(await post(target, { fields: Object.entries(fields) }))) as Response;
  const data = (await response.json()) as { errors: Record<string, string>; values: Record<string, string> };
  expect(data.errors.reason).toBe(FORBIDDEN_TEXT_MESSAGE);
  expect(data.values.reason).toBe("Slutade efter jul");
});

/** The names and free text of a target's form, each with `char` inside. */
function textWith(target: Target, char: string): Record<string, string> {
  const keys = target.table === contactAttempts ? ["note"] : target.table === notices ? ["lastName", "reason"] : ["firstName"];
  return Object.fromEntries(keys.map((key) => [key, `Ann${char}a`]));
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
