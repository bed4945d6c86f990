/**
 * Reads db/data/kommuner.csv, Sweden's 290 municipalities from SCB's "Kommuner i län". The file is
 * the source; migration 0030 was written from it, and a unit test keeps the two equal.
 */
import fs from "node:fs";
import path from "node:path";

export type MunicipalityListRow = { code: string; name: string; countyCode: string; countyName: string };

export const MUNICIPALITY_LIST_FILE = path.resolve(process.cwd(), "db/data/kommuner.csv");

export function readMunicipalityList(file = MUNICIPALITY_LIST_FILE): MunicipalityListRow[] {
  const lines = fs
    .readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "" && !line.startsWith("#"));
  const [header, ...rows] = lines;
  if (header !== "code,name,county_code,county_name") throw new Error(`Oväntad rubrikrad i ${file}: ${header}`);
  return rows.map((line) => {
    const [code, name, countyCode, countyName, ...rest] = line.split(",");
    if (!code || !name || !countyCode || !countyName || rest.length > 0) throw new Error(`Felaktig rad i ${file}: ${line}`);
    return { code, name, countyCode, countyName };
  });
}
