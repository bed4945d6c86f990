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
} from "~/modules/documentation/intervention-types.server";
import { interventionTypeSchema } from "~/modules/documentation/plan-schemas";

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
  if (intent === "add" || intent === "rename") {
    const parsed = interventionTypeSchema.safeParse({ name: form.get("name") ?? "" });
    if (!parsed.success) {
      const error = fieldErrors(parsed.error).name ?? "Ange ett namn.";
      return fail(intent === "add" ? { name: error } : { [`name-${typeId}`]: error });
    }
    const result = intent === "add" ? addInterventionType(actor, parsed.data.name) : renameInterventionType(actor, typeId, parsed.data.name);
    if (!result.ok) return fail(result.errors);
    return json({
      ok: true as const,
      errors: {} as Record<string, string>,
      message: intent === "add" ? `${parsed.data.name} är tillagd.` : "Namnet är ändrat.",
    });
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
        insatser som redan har den.
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
        <table>
          <caption className="visually-hidden">Insatstyper</caption>
          <thead>
            <tr>
              <th scope="col">Insatstyp</th>
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
                  <td>{t.active ? "Ja" : "Nej, avvecklad"}</td>
                  {mayEdit ? (
                    <td>
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
        </table>
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
          <button type="submit" name="intent" value="add" className="button">
            Lägg till
          </button>
        </Form>
      ) : null}
    </>
  );
}
