import { ErrorSummary, Form, SelectField, TextAreaField, TextField } from "~/components/form";
import { useIntentForm, type IntentResult } from "~/components/intent-form";
import { ACTIVITY_STATUSES } from "#db/schema/steering-values";
import { ACTIVITY_STATUS_LABELS } from "~/modules/steering/goal-labels";
import { activitySchema, planRevisionSchema } from "~/modules/steering/goal-schemas";

const STATUS_OPTIONS = ACTIVITY_STATUSES.map((s) => ({ value: s, label: ACTIVITY_STATUS_LABELS[s] }));

/** An activity of the handlingsplan: what, who, by when, how far, and (if any) the goal it serves. */
export function ActivityForm({
  actionData,
  intent,
  defaults,
  goals,
  submitLabel,
  headingId,
}: {
  actionData: IntentResult | undefined;
  intent: string;
  defaults: Record<string, string>;
  goals: { value: string; label: string }[];
  submitLabel: string;
  headingId: string;
}) {
  const { formProps, field, errors, submitting } = useIntentForm(actionData, intent, activitySchema, defaults);
  return (
    <Form {...formProps} aria-labelledby={headingId}>
      <ErrorSummary errors={errors} />
      <input type="hidden" name="intent" value={intent} />
      <TextAreaField {...field("description")} label="Aktivitet" required maxLength={300} hint="Vad ska göras? Skriv inga uppgifter om enskilda ungdomar." />
      <TextField {...field("owner")} label="Ansvarig" required hint="En person, en funktion eller en organisation, till exempel ”KAA-enheten”." />
      <TextField {...field("dueDate")} label="Klart senast" type="date" required />
      <SelectField {...field("status")} label="Status" required options={STATUS_OPTIONS} />
      <SelectField {...field("goalId")} label="Mål som aktiviteten ska bidra till (frivilligt)" options={goals} />
      <button type="submit" className="button" disabled={submitting}>
        {submitLabel}
      </button>
    </Form>
  );
}

/** A revision of the handlingsplan: when it was revised and when it is next due. */
export function PlanRevisionForm({ actionData, defaults }: { actionData: IntentResult | undefined; defaults: Record<string, string> }) {
  const { formProps, field, errors, submitting } = useIntentForm(actionData, "revision", planRevisionSchema, defaults);
  return (
    <Form {...formProps} aria-labelledby="revision-form">
      <h3 id="revision-form">Registrera en revision</h3>
      <ErrorSummary errors={errors} />
      <input type="hidden" name="intent" value="revision" />
      <TextField {...field("revisedOn")} label="Reviderad" type="date" required />
      <TextField {...field("nextRevisionOn")} label="Nästa revision" type="date" required />
      <TextAreaField {...field("revisionNote")} label="Vad ändrades (frivilligt)" maxLength={500} />
      <button type="submit" className="button button--secondary" disabled={submitting}>
        Spara revisionen
      </button>
    </Form>
  );
}
