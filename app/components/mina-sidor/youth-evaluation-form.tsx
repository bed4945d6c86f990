import { Form, useNavigation } from "@remix-run/react";
import type { IntentResult } from "~/components/intent-form";
import { YOUTH_RATING_LABELS, YOUTH_RATINGS } from "~/modules/documentation/labels";
import { YOUTH_EVALUATION_MAX_TEXT } from "~/modules/documentation/youth-evaluation-schema";

export type OwnEvaluation = { id: number; interventionId: number | null; ratingLabel: string; text: string | null; createdAt: string; date: string };

/**
 * The youth's own answer about the plan or an ended intervention: three choices and a few words if they
 * want. A plain form (no JavaScript needed); several on one page, so every id carries the form's name and
 * the server's errors are shown only on the form that posted.
 */
export function YouthEvaluationForm({
  intent,
  legend,
  interventionId,
  result,
}: {
  intent: string;
  legend: string;
  interventionId: number | null;
  result: IntentResult | undefined;
}) {
  const navigation = useNavigation();
  const mine = result?.intent === intent ? result : undefined;
  const errors = mine && !mine.ok ? mine.errors : {};
  const values = mine && !mine.ok ? mine.values : {};
  const id = (name: string) => `${intent}-${name}`;
  const textHint = id("text-hint");
  return (
    <Form method="post" className="youth-evaluation" aria-labelledby={id("legend")}>
      {mine?.ok ? (
        <p className="alert alert--success" role="status">
          {mine.message}
        </p>
      ) : null}
      {errors.form ? (
        <p className="alert alert--error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="insats" value={interventionId ?? ""} />
      <fieldset aria-describedby={errors.rating ? id("rating-error") : undefined} className={errors.rating ? "field--error" : undefined}>
        <legend id={id("legend")}>{legend}</legend>
        {errors.rating ? (
          <p className="field__error" id={id("rating-error")}>
            {errors.rating}
          </p>
        ) : null}
        {YOUTH_RATINGS.map((rating) => (
          <div className="field field--radio" key={rating}>
            <input type="radio" id={id(rating)} name="rating" value={rating} defaultChecked={values.rating === rating} />
            <label htmlFor={id(rating)}>{YOUTH_RATING_LABELS[rating]}</label>
          </div>
        ))}
      </fieldset>
      <div className={`field${errors.text ? " field--error" : ""}`}>
        <label htmlFor={id("text")}>Vill du berätta mer? (frivilligt)</label>
        <p className="field__hint" id={textHint}>
          Din kontaktperson på KAA läser det du skriver. Högst {YOUTH_EVALUATION_MAX_TEXT} tecken.
        </p>
        <textarea
          id={id("text")}
          name="text"
          rows={3}
          maxLength={YOUTH_EVALUATION_MAX_TEXT}
          defaultValue={typeof values.text === "string" ? values.text : ""}
          aria-describedby={errors.text ? `${textHint} ${id("text-error")}` : textHint}
          aria-invalid={errors.text ? true : undefined}
        />
        {errors.text ? (
          <p className="field__error" id={id("text-error")}>
            {errors.text}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={navigation.state === "submitting"}>
        Skicka
      </button>
    </Form>
  );
}

/** What the youth has answered before, newest first, with dates. */
export function OwnEvaluations({ list, heading, level = 4 }: { list: OwnEvaluation[]; heading: string; level?: 3 | 4 }) {
  if (list.length === 0) return null;
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <>
      <Heading>{heading}</Heading>
      <ul className="youth-evaluations">
        {list.map((e) => (
          <li key={e.id}>
            <strong>{e.ratingLabel}</strong> <span className="muted">({e.date})</span>
            {e.text ? <span className="block">{e.text}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
