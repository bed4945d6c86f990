import { useActionData } from "@remix-run/react";
import { ErrorSummary, Form, SelectField, TextAreaField, TextField, optionsOf } from "~/components/form";
import { useIntentForm, type IntentResult } from "~/components/intent-form";
import { EVALUATION_OUTCOME_LABELS, INTERVENTION_END_REASON_LABELS } from "~/modules/documentation/labels";
import { interventionEndSchema, interventionOccupationSchema } from "~/modules/documentation/plan-schemas";
import { OCCUPATION_LABELS } from "~/modules/outreach/labels";

type Ended = { endDate: string | null; endReason: string | null; occupationAfter: string | null };

const OCCUPATION_AFTER_HINT = "Vad ungdomen gör efter insatsen. Rapporteras till SCB; välj Okänt om ni inte vet.";

/** Ending an insats (or evaluating one that ended without evaluation): reason, evaluation and the occupation afterwards. */
export function InterventionEndForm({ intervention: i, today }: { intervention: Ended; today: string }) {
  // An insats that ended without evaluation (at 20) keeps its end and gets the evaluation.
  const evaluateOnly = Boolean(i.endDate);
  const end = useIntentForm(
    useActionData() as IntentResult | undefined,
    "avsluta",
    interventionEndSchema,
    evaluateOnly ? { endDate: i.endDate, endReason: i.endReason ?? "", occupationAfter: i.occupationAfter ?? "" } : { endDate: today },
  );
  return (
    <section aria-labelledby="avsluta-rubrik" className="card">
      <h2 id="avsluta-rubrik">{evaluateOnly ? "Utvärdera insatsen" : "Avsluta insatsen"}</h2>
      <p>
        {evaluateOnly
          ? `Insatsen avslutades ${i.endDate} utan utvärdering. Dokumentera hur den gick, mätt mot målet.`
          : "Orsaken, en utvärdering mot målet och sysselsättningen efter insatsen krävs när en insats avslutas."}
      </p>
      <ErrorSummary errors={end.errors} />
      <Form {...end.formProps} action="?atgard=avsluta">
        <TextField {...end.field("endDate")} label="Slutdatum" type="date" required />
        <SelectField {...end.field("endReason")} label="Orsak till att insatsen avslutas" required options={optionsOf(INTERVENTION_END_REASON_LABELS)} />
        <SelectField
          {...end.field("occupationAfter")}
          label="Sysselsättning efter insatsen"
          required
          options={optionsOf(OCCUPATION_LABELS)}
          hint={OCCUPATION_AFTER_HINT}
        />
        <SelectField
          {...end.field("evaluationOutcome")}
          label="Utvärdering: nådde insatsen sitt mål?"
          required
          options={optionsOf(EVALUATION_OUTCOME_LABELS)}
        />
        <TextAreaField {...end.field("evaluationText")} label="Utvärdering, kort" required maxLength={500} hint="Vad gav insatsen, mätt mot målet i planen?" />
        <button type="submit" className="button" disabled={end.submitting}>
          {evaluateOnly ? "Spara utvärderingen" : "Avsluta insatsen"}
        </button>
      </Form>
    </section>
  );
}

/** Correcting the occupation after an ended insats; the change is kept in the revision history. */
export function OccupationAfterForm({ intervention: i }: { intervention: Ended }) {
  const form = useIntentForm(useActionData() as IntentResult | undefined, "sysselsattning", interventionOccupationSchema, {
    occupationAfter: i.occupationAfter ?? "",
  });
  return (
    <section aria-labelledby="sysselsattning-rubrik" className="card">
      <h2 id="sysselsattning-rubrik">Sysselsättning efter insatsen</h2>
      <ErrorSummary errors={form.errors} />
      <Form {...form.formProps} action="?atgard=sysselsattning">
        <SelectField
          {...form.field("occupationAfter")}
          label="Sysselsättning efter insatsen"
          required
          options={optionsOf(OCCUPATION_LABELS)}
          hint={OCCUPATION_AFTER_HINT}
        />
        <button type="submit" className="button button--secondary" disabled={form.submitting}>
          Spara sysselsättningen
        </button>
      </Form>
    </section>
  );
}
