/**
 * The follow-up's period picker (a GET form, so it works without JavaScript and the period is in the
 * address): the fixed periods grouped by kind, and a free interval for the KAA unit only.
 */
import { Form } from "@remix-run/react";
import { PERIOD_KIND_LABELS, PERIOD_KINDS, type PeriodKind } from "~/modules/statistics/periods";

export type PeriodChoice = { kind: PeriodKind; label: string; value: string };

export function PeriodPicker({
  choices,
  selected,
  error,
  mayChooseInterval,
  asked,
}: {
  choices: PeriodChoice[];
  selected: string;
  error: string | null;
  mayChooseInterval: boolean;
  asked: { fran: string; till: string };
}) {
  return (
    <Form method="get" className="card" aria-labelledby="period-heading">
      <h2 id="period-heading">Välj period</h2>
      {error ? (
        <p className="alert alert--error" role="alert" id="period-error">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="period">Period</label>
        <select id="period" name="period" defaultValue={selected} aria-describedby={error ? "period-error" : undefined}>
          {PERIOD_KINDS.filter((k) => k !== "intervall").map((kind) => (
            <optgroup key={kind} label={PERIOD_KIND_LABELS[kind]}>
              {choices
                .filter((c) => c.kind === kind)
                .map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
            </optgroup>
          ))}
          {mayChooseInterval ? <option value="intervall">Eget intervall (ange datum nedan)</option> : null}
        </select>
      </div>
      {mayChooseInterval ? (
        <fieldset>
          <legend>Eget intervall</legend>
          <div className="field">
            <label htmlFor="fran">Från och med</label>
            <input id="fran" name="fran" type="date" defaultValue={asked.fran} />
          </div>
          <div className="field">
            <label htmlFor="till">Till och med</label>
            <input id="till" name="till" type="date" defaultValue={asked.till} />
          </div>
        </fieldset>
      ) : null}
      <button type="submit" className="button">
        Visa
      </button>
    </Form>
  );
}
