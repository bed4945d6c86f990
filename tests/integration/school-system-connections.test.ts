// The systemförvaltare's SS 12000 connections: only schools, and a secret that goes in but never out.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { schoolSystemConnections } from "#db/schema";
import { editConnectionSchema, newConnectionSchema } from "~/modules/reconciliation/school-system-schemas";
import { createConnection, getConnection, listConnections, updateConnection } from "~/modules/reconciliation/school-systems.server";
import { createMunicipality, createOrganisation } from "../factories/world";

const municipality = createMunicipality();
const school = createOrganisation("school", municipality.id);
const input = {
  organisationId: school.id,
  name: "Skolsystemet",
  baseUrl: "https://skolsystem.example.se/v2.0",
  tokenUrl: "https://skolsystem.example.se/token",
  clientId: "portal",
  clientSecret: "hemligt-värde",
  scope: undefined,
  enabled: true,
};
const storedSecret = (id: number) => getDb().select().from(schoolSystemConnections).where(eq(schoolSystemConnections.id, id)).get()!.clientSecret;

describe("SS 12000 connections", () => {
  it("belong to a school only", () => {
    const kaa = createOrganisation("kaa_unit", createMunicipality().id);
    expect(createConnection({ ...input, organisationId: kaa.id })).toEqual({ ok: false, errors: { organisationId: "Välj en skola i listan." } });
  });

  it("never give the secret back, and keep it when the form leaves it empty", () => {
    const created = createConnection(input);
    if (!created.ok) throw new Error("inte skapad");
    const shown = getConnection(created.id)!;
    expect(shown.hasSecret).toBe(true);
    expect(JSON.stringify(shown)).not.toContain("hemligt-värde");
    expect(JSON.stringify(listConnections())).not.toContain("hemligt-värde");

    expect(updateConnection(created.id, { ...input, name: "Nytt namn", clientSecret: undefined })).toEqual({ ok: true, id: created.id });
    expect(storedSecret(created.id)).toBe("hemligt-värde");
    updateConnection(created.id, { ...input, clientSecret: "ny-hemlighet" });
    expect(storedSecret(created.id)).toBe("ny-hemlighet");
    expect(updateConnection(999_999, input)).toBeNull();
  });

  it("want https addresses without credentials or query, and a secret when new", () => {
    const form = { organisationId: String(school.id), name: "X", tokenUrl: input.tokenUrl, clientId: "c" };
    expect(newConnectionSchema.safeParse({ ...form, baseUrl: "http://skolsystem.example.se", clientSecret: "s" }).success).toBe(false);
    expect(newConnectionSchema.safeParse({ ...form, baseUrl: "https://u:p@skolsystem.example.se", clientSecret: "s" }).success).toBe(false);
    expect(newConnectionSchema.safeParse({ ...form, baseUrl: "https://skolsystem.example.se/v2.0", clientSecret: "" }).success).toBe(false);
    expect(newConnectionSchema.safeParse({ ...form, baseUrl: "http://skolsystem.demo.invalid/v2.0", clientSecret: "s" }).success).toBe(true);
    expect(editConnectionSchema.safeParse({ ...form, baseUrl: "https://skolsystem.example.se/v2.0", clientSecret: "" }).success).toBe(true);
  });
});
