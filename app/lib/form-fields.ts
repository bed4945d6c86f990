import { z } from "zod";
import { todayIso } from "./dates";

/** Zod building blocks for form fields, with Swedish messages. Shared by client and server. */

/**
 * Characters no name or free text needs and that do harm: NUL (cuts strings short in other
 * systems) and the bidi overrides and isolates U+202A–U+202E, U+2066–U+2069, which make text
 * display in another order than it is stored ("Trojan Source"), e.g. in a name on a list.
 * parseForm refuses them in every field; the text helpers below say so beside the field.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is refused here
const FORBIDDEN_TEXT = /[\u0000\u202A-\u202E\u2066-\u2069]/;
export const FORBIDDEN_TEXT_MESSAGE = "Texten innehåller osynliga styrtecken som inte är tillåtna. Skriv eller klistra in texten på nytt.";
export const hasForbiddenText = (value: string) => FORBIDDEN_TEXT.test(value);
/** The text without those characters, to give back to the user with the message. */
export const withoutForbiddenText = (value: string) => value.replace(new RegExp(FORBIDDEN_TEXT.source, "g"), "");

export const requiredText = (label: string, max = 100) =>
  z
    .string({ error: `Ange ${label}.` })
    .trim()
    .min(1, `Ange ${label}.`)
    .max(max, `Högst ${max} tecken.`)
    .refine((v) => !hasForbiddenText(v), FORBIDDEN_TEXT_MESSAGE);

/** An optional text field: an empty input becomes undefined. */
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, `Högst ${max} tecken.`)
    .refine((v) => !hasForbiddenText(v), FORBIDDEN_TEXT_MESSAGE)
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

/**
 * The address of an outside service the portal sends secrets to: https, no credentials, query or fragment.
 * Plain http only on this machine or under .invalid (the demo's and the tests' own servers).
 */
export const serviceAddress = (label: string, example: string) =>
  requiredText(label, 500).refine((v) => {
    try {
      const url = new URL(v);
      const local = url.hostname.endsWith(".invalid") || url.hostname === "localhost" || url.hostname === "127.0.0.1";
      return !url.username && !url.password && !url.search && !url.hash && (url.protocol === "https:" || (local && url.protocol === "http:"));
    } catch {
      return false;
    }
  }, `Ange ${label} som en fullständig https-adress utan frågedel, till exempel ${example}.`);

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
/** 2026-13-01 matches the pattern but is no date (and toISOString throws on it: a 500, not a 400). */
const isRealDate = (v: string) => {
  const date = new Date(`${v}T00:00:00Z`);
  return ISO_DATE.test(v) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
};

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

export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A time of day, TT:MM (24-hour clock, as written in Sweden). */
export const timeField = (label: string) =>
  z
    .string({ error: `Ange ${label}.` })
    .trim()
    .regex(TIME, `Ange ${label} som TT:MM, till exempel 13:00.`);

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
