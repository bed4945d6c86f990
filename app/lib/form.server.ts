import { json } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrors, type FieldErrors } from "./form-fields";

/** The posted fields as typed; a field posted more than once (a checkbox group) is a list. */
export type FormValues = Record<string, string | string[]>;

/**
 * Reads a posted form and validates it with the form's zod schema (the same one the browser uses).
 * `lists` names checkbox groups: they are always lists, even with one box or none ticked.
 */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { lists?: readonly string[] } = {},
): Promise<{ ok: true; data: z.output<S>; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues }> {
  const formData = await request.formData();
  const values: FormValues = {};
  for (const name of options.lists ?? []) values[name] = [];
  for (const [key, value] of formData) {
    if (typeof value !== "string") continue;
    const previous = values[key];
    values[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const result = schema.safeParse(values);
  if (!result.success) return { ok: false, errors: fieldErrors(result.error), values };
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
