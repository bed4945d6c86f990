import { ErrorSummary, Form, SelectField, TextAreaField, TextField } from "~/components/form";
import { useIntentForm, type IntentResult } from "~/components/intent-form";
import { GOAL_COMPARATORS, GOAL_PERIOD_KINDS } from "#db/schema/steering-values";
import { FIGURE_UNITS, GOAL_FIGURES } from "~/modules/steering/goal-figures";
import { COMPARATOR_LABELS, GOAL_PERIOD_LABELS } from "~/modules/steering/goal-labels";
import { goalSchema } from "~/modules/steering/goal-schemas";

const FIGURE_OPTIONS = GOAL_FIGURES.map((f) => ({ value: f.key, label: `${f.label} (${FIGURE_UNITS[f.kind]})` }));
const COMPARATOR_OPTIONS = GOAL_COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_LABELS[c] }));
const PERIOD_OPTIONS = GOAL_PERIOD_KINDS.map((k) => ({ value: k, label: GOAL_PERIOD_LABELS[k] }));

/** A goal's fields: which figure, at least or at most, the target, and the period it is followed per. */
export function GoalForm({
  actionData,
  intent,
  defaults,
  submitLabel,
  headingId,
}: {
  actionData: IntentResult | undefined;
  intent: string;
  defaults: Record<string, string>;
  submitLabel: string;
  headingId: string;
}) {
  const { formProps, field, errors, submitting } = useIntentForm(actionData, intent, goalSchema, defaults);
  return (
    <Form {...formProps} aria-labelledby={headingId}>
      <ErrorSummary errors={errors} />
      <input type="hidden" name="intent" value={intent} />
      <SelectField {...field("figureKey")} label="Mått" required options={FIGURE_OPTIONS} hint="Ett av uppföljningens mått." />
      <SelectField {...field("comparator")} label="Värdet ska vara" required options={COMPARATOR_OPTIONS} />
      <TextField
        {...field("target")}
        label="Målvärde"
        required
        inputMode="text"
        hint="Andelar i procent (till exempel 90), antal som heltal och medianer i dagar. Decimaler skrivs med komma."
      />
      <SelectField {...field("periodKind")} label="Följs per" required options={PERIOD_OPTIONS} />
      <TextAreaField {...field("note")} label="Varför målet finns (frivilligt)" maxLength={500} hint="Till exempel beslutet eller rutinen målet bygger på." />
      <button type="submit" className="button" disabled={submitting}>
        {submitLabel}
      </button>
    </Form>
  );
}
