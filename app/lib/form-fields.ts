import { z } from "zod";

/** Zod building blocks for form fields, with Swedish messages. Shared by client and server. */

export const requiredText = (label: string, max = 100) =>
  z
    .string({ error: `Ange ${label}.` })
    .trim()
    .min(1, `Ange ${label}.`)
    .max(max, `Högst ${max} tecken.`);

/** An optional text field: an empty input becomes undefined. */
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, `Högst ${max} tecken.`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const optionalPhone = () =>
  optionalText(30).refine((v) => v === undefined || /^\+?[\d\s-]{6,20}$/.test(v), {
    message: "Ange telefonnumret med siffror, till exempel 070-123 45 67.",
  });

export const optionalEmail = () =>
  optionalText(200).refine((v) => v === undefined || z.email().safeParse(v).success, {
    message: "Ange en giltig e-postadress, till exempel namn@exempel.se.",
  });

/** An HTML checkbox posts "on" when ticked and nothing otherwise. */
export const checkbox = () =>
  z
    .union([z.literal("on"), z.literal("true"), z.boolean()])
    .optional()
    .transform((v) => v === "on" || v === "true" || v === true);

export const idField = (message: string) =>
  z.coerce.number({ error: message }).int(message).positive(message);

/** A form's field errors, keyed by field name: what the server sends back with HTTP 400. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}
