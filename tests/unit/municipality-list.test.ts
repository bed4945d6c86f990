import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMunicipalityList } from "#db/data/municipality-list";
import { municipalityDisplayName } from "~/modules/organizations/municipality-names";

const list = readMunicipalityList();

const PER_COUNTY: Record<string, number> = {
  "01": 26,
  "03": 8,
  "04": 9,
  "05": 13,
  "06": 13,
  "07": 8,
  "08": 12,
  "09": 1,
  "10": 5,
  "12": 33,
  "13": 6,
  "14": 49,
  "17": 16,
  "18": 12,
  "19": 10,
  "20": 15,
  "21": 10,
  "22": 7,
  "23": 8,
  "24": 15,
  "25": 14,
};

describe("db/data/kommuner.csv", () => {
  it("names its source", () => {
    expect(fs.readFileSync("db/data/kommuner.csv", "utf8")).toMatch(/^#.*\n# Källa: SCB, "Kommuner i län"/);
  });

  it("holds 290 municipalities with unique four-digit codes and unique names", () => {
    expect(list).toHaveLength(290);
    expect(new Set(list.map((m) => m.code)).size).toBe(290);
    expect(new Set(list.map((m) => m.name)).size).toBe(290);
    for (const m of list) expect(m.code).toMatch(/^\d{4}$/);
  });

  it("has 21 counties, each code beginning with its county code, counted as SCB counts them", () => {
    const counties = new Map<string, { name: string; n: number }>();
    for (const m of list) {
      expect(m.code.slice(0, 2)).toBe(m.countyCode);
      const county = counties.get(m.countyCode) ?? { name: m.countyName, n: 0 };
      expect(county.name).toBe(m.countyName);
      counties.set(m.countyCode, { ...county, n: county.n + 1 });
    }
    expect(counties.size).toBe(21);
    expect(Object.fromEntries([...counties].map(([code, c]) => [code, c.n]))).toEqual(PER_COUNTY);
  });

  it.each([
    ["0180", "Stockholm", "Stockholms län"],
    ["0682", "Nässjö", "Jönköpings län"],
    ["0686", "Eksjö", "Jönköpings län"],
    ["0980", "Gotland", "Gotlands län"],
    ["0330", "Knivsta", "Uppsala län"],
    ["0140", "Nykvarn", "Stockholms län"],
    ["0114", "Upplands Väsby", "Stockholms län"],
    ["2584", "Kiruna", "Norrbottens län"],
    ["1280", "Malmö", "Skåne län"],
    ["1480", "Göteborg", "Västra Götalands län"],
    ["0380", "Uppsala", "Uppsala län"],
    ["2480", "Umeå", "Västerbottens län"],
    ["2583", "Haparanda", "Norrbottens län"],
  ])("%s is %s in %s", (code, name, countyName) => {
    expect(list.find((m) => m.code === code)).toMatchObject({ name, countyName });
  });

  it("is what migration 0030 inserts, with the names the portal addresses them by", () => {
    const sql = fs.readFileSync(path.resolve("db/migrations/0033_all_municipalities.sql"), "utf8");
    const inserted = [...sql.matchAll(/^ {2}\('(\d{4})', '([^']+)', '(\d{2})', '([^']+)'\)/gm)].map(([, code, name, countyCode, countyName]) => ({
      code,
      name,
      countyCode,
      countyName,
    }));
    expect(inserted).toEqual(list.map((m) => ({ ...m, name: municipalityDisplayName(m.name) })));
  });
});

describe("municipalityDisplayName", () => {
  it.each([
    ["Nässjö", "Nässjö kommun"],
    ["Jönköping", "Jönköpings kommun"],
    ["Eksjö", "Eksjö kommun"],
    ["Borås", "Borås kommun"],
    ["Kalix", "Kalix kommun"],
    ["Falun", "Falu kommun"],
    ["Kalmar", "Kalmar kommun"],
    ["Dals-Ed", "Dals-Eds kommun"],
    ["Upplands Väsby", "Upplands Väsby kommun"],
  ])("%s → %s", (name, expected) => expect(municipalityDisplayName(name)).toBe(expected));
});
