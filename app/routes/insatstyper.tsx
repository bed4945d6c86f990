import { Table } from "~/components/table";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { readFormData } from "~/lib/form.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { fieldErrors } from "~/lib/form-fields";
import { KAA_ROLES, requireRole } from "~/modules/auth/actor.server";
import {
  addInterventionType,
  listInterventionTypes,
  renameInterventionType,
  setInterventionTypeActive,
  setInterventionTypeScbType,
} from "~/modules/documentation/intervention-types.server";
import { SCB_INTERVENTION_TYPE_LABELS } from "~/modules/documentation/labels";
import { interventionTypeAddSchema, interventionTypeSchema, interventionTypeScbSchema } from "~/modules/documentation/plan-schemas";

export const meta: MetaFunction = () => [{ title: "Insatskatalog – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, KAA_ROLES);
  return { types: listInterventionTypes(actor), mayEdit: actor.role === "kaa_coordinator", municipalityName: actor.municipalityName };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["kaa_coordinator"]);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const typeId = Number(form.get("typeId"));
  const fail = (errors: Record<string, string>) => json({ ok: false as const, errors, message: null }, { status: 400 });
  if (intent === "add") {
    const parsed = interventionTypeAddSchema.safeParse({ name: form.get("name") ?? "", scbType: form.get("scbType") ?? "" });
    if (!parsed.success) return fail(fieldErrors(parsed.error));
    const result = addInterventionType(actor, parsed.data.name, parsed.data.scbType);
    if (!result.ok) return fail(result.errors);
    return json({ ok: true as const, errors: {} as Record<string, string>, message: `${parsed.data.name} är tillagd.` });
  }
  if (intent === "scb") {
    const parsed = interventionTypeScbSchema.safeParse({ scbType: form.get("scbType") ?? "" });
    if (!parsed.success) return fail({ [`scbType-${typeId}`]: fieldErrors(parsed.error).scbType ?? "Välj SCB-typ." });
    const result = setInterventionTypeScbType(actor, typeId, parsed.data.scbType);
    if (!result.ok) return fail(result.errors);
    return json({
      ok: true as const,
      errors: {} as Record<string, string>,
      message: `SCB-typen är ändrad till ${SCB_INTERVENTION_TYPE_LABELS[parsed.data.scbType]}.`,
    });
  }
  if (intent === "rename") {
    const parsed = interventionTypeSchema.safeParse({ name: form.get("name") ?? "" });
    if (!parsed.success) return fail({ [`name-${typeId}`]: fieldErrors(parsed.error).name ?? "Ange ett namn." });
    const result = renameInterventionType(actor, typeId, parsed.data.name);
    if (!result.ok) return fail(result.errors);
    return json({ ok: true as const, errors: {} as Record<string, string>, message: "Namnet är ändrat." });
  }
  if (intent === "retire" || intent === "restore") {
    const result = setInterventionTypeActive(actor, typeId, intent === "restore");
    if (!result.ok) return fail(result.errors);
    return json({
      ok: true as const,
      errors: {} as Record<string, string>,
      message: intent === "retire" ? "Insatstypen används inte längre för nya insatser." : "Insatstypen används igen.",
    });
  }
  return fail({ form: "Okänd åtgärd." });
}

export default function InterventionCatalogue() {
  const { types, mayEdit, municipalityName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  return (
    <>
      <h1>Insatskatalog</h1>
      <p className="lead">
        De typer av insatser {municipalityName} erbjuder.{" "}
        {mayEdit ? "Som samordnare lägger du till, byter namn på och avvecklar typer." : "KAA-samordnaren för katalogen."} En avvecklad typ finns kvar på de
        insatser som redan har den. Varje typ rapporteras till SCB som en SCB-typ av åtgärd; en typ utan SCB-typ stoppar SCB-rapporten.
      </p>
      {actionData?.message ? (
        <p className="alert alert--success" role="status">
          {actionData.message}
        </p>
      ) : null}
      {errors.form ? (
        <p className="alert alert--error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="table-wrap">
        <Table>
          <caption className="visually-hidden">Insatstyper</caption>
          <thead>
            <tr>
              <th scope="col">Insatstyp</th>
              <th scope="col">SCB-typ</th>
              <th scope="col">Används</th>
              {mayEdit ? <th scope="col">Ändra</th> : null}
            </tr>
          </thead>
          <tbody>
            {types.map((t) => {
              const error = errors[`name-${t.id}`];
              return (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{t.scbType ? SCB_INTERVENTION_TYPE_LABELS[t.scbType] : <strong className="badge">Saknar SCB-typ</strong>}</td>
                  <td>{t.active ? "Ja" : "Nej, avvecklad"}</td>
                  {mayEdit ? (
                    <td>
                      <ScbTypeForm type={t} error={errors[`scbType-${t.id}`]} />
                      <Form method="post" className="filter-form">
                        <input type="hidden" name="typeId" value={t.id} />
                        <div className={`field${error ? " field--error" : ""}`}>
                          <label htmlFor={`name-${t.id}`}>Nytt namn för {t.name}</label>
                          <input
                            id={`name-${t.id}`}
                            name="name"
                            defaultValue={t.name}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `name-${t.id}-error` : undefined}
                          />
                          {error ? (
                            <p className="field__error" id={`name-${t.id}-error`}>
                              {error}
                            </p>
                          ) : null}
                        </div>
                        <button type="submit" name="intent" value="rename" className="button button--secondary">
                          Byt namn
                        </button>
                        <button type="submit" name="intent" value={t.active ? "retire" : "restore"} className="button button--secondary">
                          {t.active ? "Avveckla" : "Använd igen"}
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      </div>
      {mayEdit ? (
        <Form method="post" className="card">
          <h2>Lägg till en insatstyp</h2>
          <div className={`field${errors.name ? " field--error" : ""}`}>
            <label htmlFor="new-name">Namn</label>
            <input id="new-name" name="name" aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? "new-name-error" : undefined} />
            {errors.name ? (
              <p className="field__error" id="new-name-error">
                {errors.name}
              </p>
            ) : null}
          </div>
          <ScbTypeSelect id="new-scb" label="SCB-typ" defaultValue="" error={errors.scbType} />
          <button type="submit" name="intent" value="add" className="button">
            Lägg till insatstypen
          </button>
        </Form>
      ) : null}
    </>
  );
}

/** The SCB kind of åtgärd, as a plain select: the catalogue's forms work without JavaScript. */
function ScbTypeSelect({ id, label, defaultValue, error }: { id: string; label: string; defaultValue: string; error?: string }) {
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name="scbType"
        defaultValue={defaultValue}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">Välj …</option>
        {Object.entries(SCB_INTERVENTION_TYPE_LABELS).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function ScbTypeForm({ type: t, error }: { type: { id: number; name: string; scbType: string | null }; error?: string }) {
  return (
    <Form method="post" className="filter-form">
      <input type="hidden" name="typeId" value={t.id} />
      <ScbTypeSelect id={`scbType-${t.id}`} label={`SCB-typ för ${t.name}`} defaultValue={t.scbType ?? ""} error={error} />
      <button type="submit" name="intent" value="scb" className="button button--secondary">
        Spara SCB-typ
      </button>
    </Form>
  );
}
