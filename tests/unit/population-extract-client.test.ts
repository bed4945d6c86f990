// The extract client's page parsing, with a transport that answers from a list (no network, no msw).
import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchPopulationExtract, POPULATION_EXTRACT_MESSAGES, PopulationExtractError } from "~/modules/integrations/population-extract.server";
import { setPopulationRegisterTransport } from "~/modules/integrations/population-register.server";
import { extractPerson } from "../mocks/population-extract";
import { makePersonalNumber } from "~/modules/youth/personal-number";

const REQUEST = { municipalityCode: "0682", bornFrom: "2006-12-02", bornTo: "2010-12-01" };
const PERSON = extractPerson({ personnummer: makePersonalNumber("2008-05-17", 123) });
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

/** Answers each request with the next body (a number = that HTTP status); records the bodies sent. */
function answer(...bodies: (object | number)[]) {
  const sent: Record<string, unknown>[] = [];
  const urls: string[] = [];
  setPopulationRegisterTransport(async (url, init) => {
    urls.push(url);
    sent.push(JSON.parse(String(init.body)) as Record<string, unknown>);
    const next = bodies.shift()!;
    return typeof next === "number" ? new Response("fel", { status: next }) : Response.json(next);
  });
  return { sent, urls };
}

async function collect() {
  const pages = [];
  for await (const page of fetchPopulationExtract(REQUEST)) pages.push(page);
  return pages;
}

afterEach(() => {
  setPopulationRegisterTransport((url, init) => fetch(url, init));
  warn.mockClear();
});

describe("fetchPopulationExtract", () => {
  it("follows the page tokens, sends the filters in the body and no personnummer in the URL", async () => {
    const { sent, urls } = answer(
      { uttagsdatum: "2026-12-01", personer: [PERSON], nextPageToken: "sida-2" },
      { uttagsdatum: "2026-12-01", personer: [PERSON], nextPageToken: null },
    );
    const pages = await collect();
    expect(pages.map((p) => [p.takenOn, p.people.length])).toEqual([
      ["2026-12-01", 1],
      ["2026-12-01", 1],
    ]);
    expect(sent).toEqual([
      { kommunkod: "0682", fodd_fran: "2006-12-02", fodd_till: "2010-12-01" },
      { kommunkod: "0682", fodd_fran: "2006-12-02", fodd_till: "2010-12-01", pageToken: "sida-2" },
    ]);
    for (const url of urls) expect(url).not.toMatch(/\d{10}/);
  });

  it("accepts a protected identity without address and guardians without phone", async () => {
    const hidden = { ...PERSON, skyddadIdentitet: true, folkbokforingsadress: null, vardnadshavare: [{ namn: "Anna Holm" }] };
    answer({ uttagsdatum: "2026-12-01", personer: [hidden], nextPageToken: null });
    expect((await collect())[0]!.people[0]).toMatchObject({ folkbokforingsadress: null, vardnadshavare: [{ namn: "Anna Holm" }] });
  });

  it.each([
    ["HTTP 503", [503], POPULATION_EXTRACT_MESSAGES.unavailable],
    [
      "a person without a name",
      [{ uttagsdatum: "2026-12-01", personer: [{ ...PERSON, fornamn: "" }], nextPageToken: null }],
      POPULATION_EXTRACT_MESSAGES.invalid,
    ],
    [
      "a moved-out without a date",
      [{ uttagsdatum: "2026-12-01", personer: [{ ...PERSON, utflyttad: { till_kommunkod: "0680" } }], nextPageToken: null }],
      POPULATION_EXTRACT_MESSAGES.invalid,
    ],
    ["no date", [{ personer: [], nextPageToken: null }], POPULATION_EXTRACT_MESSAGES.invalid],
    [
      "a second page from another day",
      [
        { uttagsdatum: "2026-12-01", personer: [], nextPageToken: "x" },
        { uttagsdatum: "2026-12-02", personer: [], nextPageToken: null },
      ],
      POPULATION_EXTRACT_MESSAGES.invalid,
    ],
  ])("refuses %s with a Swedish message, logging no personal data", async (_name, bodies, message) => {
    answer(...(bodies as (object | number)[]));
    await expect(collect()).rejects.toEqual(new PopulationExtractError(message));
    expect(warn.mock.calls.flat().join(" ")).not.toContain(PERSON.personnummer);
    expect(warn.mock.calls.flat().join(" ")).not.toContain(PERSON.fornamn);
  });
});
