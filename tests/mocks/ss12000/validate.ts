/**
 * Checks bodies against the SS 12000:2020 draft's own OpenAPI schemas (the copy in ./spec, see
 * ./spec/SOURCE.md), so that the fake school system in ./handlers.ts — and with it the client's
 * tests — follows the standard rather than our reading of it. swagger-parser resolves the
 * multi-file YAML $refs; Ajv (OpenAPI 3.0's `nullable` is an Ajv 8 keyword) with ajv-formats for
 * date, date-time, uuid, email and uri checks each response schema. See docs/decisions/0016.
 *
 * Loaded only dynamically (tests and the test-mode server): these are dev dependencies.
 */
import path from "node:path";

export const SS12000_SPEC = path.resolve(process.cwd(), "tests/mocks/ss12000/spec/openapi.yaml");

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: object }> }> };
type Validate = ((body: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
export type ResponseValidator = (path: string, method: string, status: number, body: unknown) => void;

let loading: Promise<ResponseValidator> | undefined;

export class SpecViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SpecViolation";
  }
}

/**
 * The draft has one Swagger-2 leftover: `required: true` on a property (Activity.yaml, teachers[].duty),
 * which is no valid JSON Schema and makes Ajv refuse the whole response schema. It says nothing in
 * OpenAPI 3, so it is dropped here — in memory; the copy of the standard stays as published.
 */
function dropBooleanRequired(node: unknown, seen = new Set<unknown>()) {
  if (!node || typeof node !== "object" || seen.has(node)) return;
  seen.add(node);
  const record = node as Record<string, unknown>;
  if ("required" in record && !Array.isArray(record.required) && typeof record.required !== "object") delete record.required;
  for (const value of Object.values(record)) dropBooleanRequired(value, seen);
}

async function load(): Promise<ResponseValidator> {
  const [{ default: SwaggerParser }, { default: Ajv }, { default: addFormats }] = await Promise.all([
    import("@apidevtools/swagger-parser"),
    import("ajv"),
    import("ajv-formats"),
  ]);
  const api = (await SwaggerParser.dereference(SS12000_SPEC)) as unknown as { paths: Record<string, Record<string, Operation>> };
  dropBooleanRequired(api.paths);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = new Map<string, Validate>();
  return (specPath, method, status, body) => {
    const key = `${method.toLowerCase()} ${specPath} ${status}`;
    let validate = compiled.get(key);
    if (!validate) {
      const responses = api.paths[specPath]?.[method.toLowerCase()]?.responses;
      if (!responses) throw new SpecViolation(`SS 12000 har ingen operation ${method.toUpperCase()} ${specPath}`);
      // A status the operation does not list falls under its `default` response, as in OpenAPI.
      const response = responses[String(status)] ?? responses.default;
      const schema = response?.content?.["application/json"]?.schema;
      if (!response) throw new SpecViolation(`SS 12000 ${method.toUpperCase()} ${specPath} har inget svar ${status}`);
      if (!schema) {
        if (body !== undefined && body !== null) throw new SpecViolation(`SS 12000 ${method.toUpperCase()} ${specPath} ${status} har ingen kropp`);
        return;
      }
      validate = ajv.compile(schema) as Validate;
      compiled.set(key, validate);
    }
    if (!validate(body)) {
      const problems = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || "(rot)"} ${e.message ?? ""}`);
      throw new SpecViolation(`Svaret på ${method.toUpperCase()} ${specPath} (${status}) följer inte SS 12000: ${problems.join("; ")}`);
    }
  };
}

/** The validator, loaded once per process (about half a second). */
export function ss12000Validator(): Promise<ResponseValidator> {
  loading ??= load();
  return loading;
}

/** Throws a SpecViolation naming the failing fields when `body` is not a valid `status` response of the operation. */
export async function expectValidResponse(specPath: string, method: string, status: number, body: unknown): Promise<void> {
  (await ss12000Validator())(specPath, method, status, body);
}
