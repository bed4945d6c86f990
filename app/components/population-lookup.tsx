import { Form } from "@remix-run/react";

export type LookupView = { message: string | null; protectedIdentity: boolean; registerName: { firstName: string; lastName: string } | null };

/**
 * What the population-register look-up found, above the registration form. When the register's
 * name differs from the one in the form (the school's), both are shown and the caseworker chooses:
 * nothing is replaced silently.
 */
export function PopulationLookupResult({ lookup, formName }: { lookup: LookupView; formName: { firstName: string; lastName: string } }) {
  return (
    <div role="status">
      <p className={`alert ${lookup.message ? "alert--warning" : "alert--success"}`}>
        {lookup.message ?? "Uppgifterna är hämtade från folkbokföringen. Kontrollera dem innan du registrerar."}
      </p>
      {lookup.registerName ? (
        <Form method="post" className="card">
          <dl className="facts">
            <dt>Namn i anmälan</dt>
            <dd>
              {formName.firstName} {formName.lastName}
            </dd>
            <dt>Namn i folkbokföringen</dt>
            <dd>
              {lookup.registerName.firstName} {lookup.registerName.lastName}
            </dd>
          </dl>
          <p>Formuläret har namnet från anmälan.</p>
          <input type="hidden" name="useRegisterName" value="ja" />
          <button type="submit" className="button button--secondary" name="intent" value="lookup">
            Använd namnet från folkbokföringen
          </button>
        </Form>
      ) : null}
    </div>
  );
}
