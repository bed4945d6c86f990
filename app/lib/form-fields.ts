import { z } from "zod";
import { todayIso } from "./dates";

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

export const idField = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (v: string) => ISO_DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** Today in Sweden, the same in the browser and on the server. */
export const todayInForm = () => todayIso();

export const dateField = (label: string) =>
  z
    .string({ error: `Ange ${label}.` })
    .trim()
    .regex(ISO_DATE, `Ange ${label} som ÅÅÅÅ-MM-DD.`)
    .refine(isRealDate, "Datumet finns inte.");

export const pastDate = (label: string) => dateField(label).refine((v) => v <= todayInForm(), "Datumet får inte ligga i framtiden.");

export const optionalDate = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isRealDate(v), "Ange datumet som ÅÅÅÅ-MM-DD.");

/** A select of ids where "" means none. */
export const optionalId = () =>
  z
    .union([z.literal(""), z.coerce.number().int().positive()])
    .optional()
    .transform((v) => (v ? Number(v) : null));

/**
 * A checkbox group posts one value per ticked box; one ticked box arrives as a plain string, and a
 * group of a single box that is not ticked reads as `false` in react-hook-form.
 */
export const checkboxList = <T extends z.ZodType>(item: T, message: string) =>
  z.preprocess((v) => (v === undefined || v === "" || v === false ? [] : Array.isArray(v) ? v : [v]), z.array(item).min(1, message));
