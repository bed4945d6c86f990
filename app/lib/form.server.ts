import { json } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrors, FORBIDDEN_TEXT_MESSAGE, hasForbiddenText, withoutForbiddenText, type FieldErrors } from "./form-fields";

/** The posted fields as typed; a field posted more than once (a checkbox group) is a list. */
export type FormValues = Record<string, string | string[]>;

export const FORM_MESSAGES = {
  unreadable: "Formuläret kunde inte läsas. Ladda om sidan och försök igen.",
  repeated: "Fältet skickades mer än en gång. Ladda om sidan och försök igen.",
} as const;

/** No body, a JSON body, broken multipart: the form cannot be read (undici throws a TypeError). */
async function formDataOrNull(request: Request): Promise<FormData | null> {
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

/**
 * The posted form for actions that read fields themselves; a body that is not a form is a thrown
 * 400 with a Swedish message, not a 500. (Read an `intent` from `request.clone()`.)
 */
export async function readFormData(request: Request): Promise<FormData> {
  const formData = await formDataOrNull(request);
  if (!formData) {
    throw new Response(FORM_MESSAGES.unreadable, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  return formData;
}

const isSecretField = (key: string) => /password|losenord/i.test(key);

/**
 * Reads a posted form and validates it with the form's zod schema (the same one the browser uses).
 * `lists` names checkbox groups: they are always lists, even with one box or none ticked.
 *
 * Whatever the schema says, a body that is not a form, a field the schema wants once but that was
 * posted several times, and invisible control characters (NUL, bidi overrides) in any field but a
 * password are refused here, with Swedish messages, so every form gets a 400 and writes nothing.
 */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { lists?: readonly string[] } = {},
): Promise<{ ok: true; data: z.output<S>; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues }> {
  const formData = await formDataOrNull(request);
  if (!formData) return { ok: false, errors: { form: FORM_MESSAGES.unreadable }, values: {} };
  const values: FormValues = {};
  const repeated = new Set<string>();
  const forbidden = new Set<string>();
  for (const name of options.lists ?? []) values[name] = [];
  for (const [key, posted] of formData) {
    if (typeof posted !== "string") continue;
    let value = posted;
    if (!isSecretField(key) && hasForbiddenText(value)) {
      forbidden.add(key);
      // Given back without the characters, so that sending the form again works.
      value = withoutForbiddenText(value);
    }
    const previous = values[key];
    if (previous !== undefined && !Array.isArray(previous)) repeated.add(key);
    values[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const result = schema.safeParse(values);
  const errors = result.success ? {} : fieldErrors(result.error);
  // A list the schema accepts (a checkbox group) may repeat; any other field's list fails the schema
  // at that field, which then gets a message that says what happened instead of zod's English one.
  if (!result.success) for (const issue of result.error.issues) if (repeated.has(String(issue.path[0]))) errors[String(issue.path[0])] = FORM_MESSAGES.repeated;
  for (const key of forbidden) errors[key] = FORBIDDEN_TEXT_MESSAGE;
  if (!result.success || forbidden.size > 0) return { ok: false, errors, values };
  return { ok: true, data: result.data, values };
}

/** 400 with the field errors and the values as typed, so nothing the user wrote is lost. */
export function invalid(errors: FieldErrors, values: FormValues = {}) {
  // Passwords are never sent back to the browser.
  const safeValues = Object.fromEntries(Object.entries(values).filter(([key]) => !/password|losenord/i.test(key)));
  return json({ ok: false as const, errors, values: safeValues }, { status: 400 });
}

/** Like invalid, for a page with several forms: says which form (`intent`) the errors belong to. */
export function invalidFor(intent: string, errors: FieldErrors, values: FormValues = {}) {
  const safeValues = Object.fromEntries(Object.entries(values).filter(([key]) => !/password|losenord/i.test(key)));
  return json({ intent, ok: false as const, message: "", errors, values: safeValues }, { status: 400 });
}

/** The success answer of one form on a page with several: which form, and what to tell the user. */
export function doneFor(intent: string, message: string) {
  return json({ intent, ok: true as const, message, errors: {} as FieldErrors, values: {} as FormValues });
}

/**
 * Only paths on this site may be redirected to after sign-in. Control characters and backslashes
 * are refused outright: browsers drop tabs and newlines and read "\\" as "/", turning "/\t/x" into "//x".
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/") {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (typeof target !== "string" || !target.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  try {
    const base = "http://portal.invalid";
    const url = new URL(target, base);
    if (url.origin !== base) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
