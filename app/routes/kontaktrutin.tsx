import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { readFormData } from "~/lib/form.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CONTACT_CHANNELS, OFFSET_UNITS } from "~/modules/outreach/labels";
import { fieldErrors } from "~/lib/form-fields";
import { routineOf, saveRoutine } from "~/modules/outreach/routine.server";
import { KAA_ROLES, requireRole } from "~/modules/auth/actor.server";
import { CHANNEL_LABELS, OFFSET_UNIT_LABELS } from "~/modules/outreach/labels";
import { routineSchema } from "~/modules/outreach/outreach-schemas";

export const meta: MetaFunction = () => [{ title: "Kontaktrutin – Samverkansportalen" }];

const EXTRA_ROWS = 2;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, KAA_ROLES);
  return { steps: routineOf(actor.municipalityId!), mayEdit: actor.role === "kaa_coordinator", municipalityName: actor.municipalityName };
}

/** The samordnare saves the whole routine at once; rows without a description are left out. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["kaa_coordinator"]);
  const form = await readFormData(request);
  const count = Number(form.get("rows")) || 0;
  const rows = Array.from({ length: Math.min(count, 20) }, (_, i) => ({
    index: i,
    label: String(form.get(`steps.${i}.label`) ?? "").trim(),
    channels: form.getAll(`steps.${i}.channels`).map(String),
    offsetAmount: String(form.get(`steps.${i}.offsetAmount`) ?? ""),
    offsetUnit: String(form.get(`steps.${i}.offsetUnit`) ?? ""),
  })).filter((r) => r.label !== "" || r.channels.length > 0);
  const parsed = routineSchema.safeParse({ steps: rows.map(({ index: _index, ...r }) => r) });
  if (!parsed.success) {
    // Map "steps.<n>.field" of the kept rows back to the row numbers on the page.
    const errors = Object.fromEntries(
      Object.entries(fieldErrors(parsed.error)).map(([key, message]) => {
        const match = /^steps\.(\d+)\.(.+)$/.exec(key);
        return match ? [`steps.${rows[Number(match[1])]!.index}.${match[2]}`, message] : [key, message];
      }),
    );
    return json({ ok: false as const, errors }, { status: 400 });
  }
  saveRoutine(actor, parsed.data);
  return json({ ok: true as const, errors: {} as Record<string, string> });
}

export default function ContactRoutine() {
  const { steps, mayEdit, municipalityName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const rows = mayEdit ? [...steps, ...Array.from({ length: EXTRA_ROWS }, () => null)] : steps;
  return (
    <>
      <h1>Kontaktrutin</h1>
      <p className="lead">
        {municipalityName}s skriftliga rutin för det uppsökande arbetet. Varje steg förfaller en viss tid efter att föregående steg gjorts (det första: efter
        inskrivningen). För ungdomar under 18 år gäller varje steg även vårdnadshavaren. När ni får kontakt med ungdomen är rutinen klar.
      </p>
      {actionData?.ok ? (
        <p className="alert alert--success" role="status">
          Rutinen är sparad.
        </p>
      ) : null}
      {errors.steps ? (
        <p className="alert alert--error" role="alert">
          {errors.steps}
        </p>
      ) : null}
      {mayEdit ? (
        <Form method="post">
          <input type="hidden" name="rows" value={rows.length} />
          {rows.map((step, i) => {
            const err = (field: string) => errors[`steps.${i}.${field}`];
            return (
              <fieldset key={i}>
                <legend>Steg {i + 1}</legend>
                <div className={`field${err("label") ? " field--error" : ""}`}>
                  <label htmlFor={`s${i}-label`}>Beskrivning</label>
                  <input
                    id={`s${i}-label`}
                    name={`steps.${i}.label`}
                    defaultValue={step?.label ?? ""}
                    aria-invalid={err("label") ? true : undefined}
                    aria-describedby={err("label") ? `s${i}-label-error` : undefined}
                  />
                  {err("label") ? (
                    <p className="field__error" id={`s${i}-label-error`}>
                      {err("label")}
                    </p>
                  ) : null}
                </div>
                <fieldset className="checkbox-group" aria-describedby={err("channels") ? `s${i}-channels-error` : undefined}>
                  <legend>Kontaktsätt (något av)</legend>
                  {CONTACT_CHANNELS.map((c) => (
                    <div className="field field--checkbox" key={c}>
                      <input id={`s${i}-${c}`} type="checkbox" name={`steps.${i}.channels`} value={c} defaultChecked={step?.channels.includes(c) ?? false} />
                      <label htmlFor={`s${i}-${c}`}>{CHANNEL_LABELS[c]}</label>
                    </div>
                  ))}
                  {err("channels") ? (
                    <p className="field__error" id={`s${i}-channels-error`}>
                      {err("channels")}
                    </p>
                  ) : null}
                </fieldset>
                <div className="inline-fields">
                  <div className={`field${err("offsetAmount") ? " field--error" : ""}`}>
                    <label htmlFor={`s${i}-amount`}>Förfaller efter</label>
                    <input
                      id={`s${i}-amount`}
                      name={`steps.${i}.offsetAmount`}
                      inputMode="numeric"
                      defaultValue={step ? String(step.offsetAmount) : ""}
                      aria-invalid={err("offsetAmount") ? true : undefined}
                      aria-describedby={err("offsetAmount") ? `s${i}-amount-error` : undefined}
                    />
                    {err("offsetAmount") ? (
                      <p className="field__error" id={`s${i}-amount-error`}>
                        {err("offsetAmount")}
                      </p>
                    ) : null}
                  </div>
                  <div className="field">
                    <label htmlFor={`s${i}-unit`}>Enhet</label>
                    <select id={`s${i}-unit`} name={`steps.${i}.offsetUnit`} defaultValue={step?.offsetUnit ?? "weeks"}>
                      {OFFSET_UNITS.map((u) => (
                        <option key={u} value={u}>
                          {OFFSET_UNIT_LABELS[u]}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
              </fieldset>
            );
          })}
          <p className="muted">Lämna en rad tom för att ta bort steget.</p>
          <button type="submit" className="button">
            Spara rutinen
          </button>
        </Form>
      ) : (
        <ol>
          {steps.map((s) => (
            <li key={s.position}>
              <strong>{s.label}</strong>: {s.channels.map((c) => CHANNEL_LABELS[c]).join(", ")} – {s.offsetAmount} {OFFSET_UNIT_LABELS[s.offsetUnit]} efter
              föregående steg.
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
