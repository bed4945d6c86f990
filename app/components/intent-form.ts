import { useValidatedForm } from "~/components/form";

/** What an action of a page with several forms answers: which form posted, and its result. */
export type IntentResult = { intent: string; ok: boolean; message: string; errors: Record<string, string>; values: Record<string, string | string[]> };

/**
 * One of several forms on a page: it shows the server's errors and keeps the typed values only
 * when it was the form that posted (`intent`), so the other forms stay as they were.
 */
export function useIntentForm(
  actionData: IntentResult | undefined,
  intent: string,
  schema: Parameters<typeof useValidatedForm>[0],
  defaults: Record<string, unknown>,
) {
  const mine = actionData?.intent === intent && !actionData.ok ? actionData : undefined;
  const form = useValidatedForm(schema, { defaultValues: mine?.values ?? defaults, serverErrors: mine?.errors });
  return { ...form, errors: mine?.errors, field: (name: string) => ({ name, register: form.register, error: form.errorFor(name) }) };
}
