import { Table } from "~/components/table";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { RunStatus } from "~/components/school-system-fields";
import { readFormData } from "~/lib/form.server";
import { requireRole } from "~/modules/auth/actor.server";
import { fetchFromSchoolSystem } from "~/modules/reconciliation/school-system-fetch.server";
import { getConnection, listConnections } from "~/modules/reconciliation/school-systems.server";

export const meta: MetaFunction = () => [{ title: "Skolsystem (SS 12000) – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  return { connections: listConnections() };
}

const fetchSchema = z.object({ connectionId: z.coerce.number().int().positive() });

/** "Hämta nu": runs the fetch and tells its outcome; a bad or unknown id is a 400, not a 500. */
export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  const parsed = fetchSchema.safeParse(Object.fromEntries(await readFormData(request)));
  const connection = parsed.success ? getConnection(parsed.data.connectionId) : null;
  if (!parsed.success || !connection) return json({ ok: false, message: "Kopplingen finns inte. Ladda om sidan och försök igen." }, { status: 400 });
  const outcome = await fetchFromSchoolSystem(connection.id);
  return json({
    ok: outcome.ok,
    message: `${connection.name}: ${outcome.ok ? "" : "Hämtningen misslyckades. "}${getConnection(connection.id)?.lastMessage ?? ""}`,
  });
}

export default function SchoolSystems() {
  const { connections } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <>
      <div className="page-heading">
        <h1>Skolsystem (SS 12000)</h1>
        <Link to="/admin/skolsystem/ny" className="button">
          Ny koppling
        </Link>
      </div>
      <p>
        Kopplingar till huvudmännens skolsystem. Portalen hämtar elevernas inskrivningar i gymnasieskola och anpassad gymnasieskola och den ogiltiga frånvaron
        under terminen, som underlag för att stämma av målgruppen.
      </p>
      {result?.message ? (
        <p className={`alert ${result.ok ? "alert--success" : "alert--error"}`} role="status">
          {result.message}
        </p>
      ) : null}
      {connections.length === 0 ? (
        <p>Inga kopplingar ännu.</p>
      ) : (
        <div className="table-wrap">
          <Table>
            <caption className="visually-hidden">Kopplingar till skolsystem</caption>
            <thead>
              <tr>
                <th scope="col">Koppling</th>
                <th scope="col">Skola</th>
                <th scope="col">Status</th>
                <th scope="col">Senaste hämtning</th>
                <th scope="col">
                  <span className="visually-hidden">Åtgärd</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {connections.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/admin/skolsystem/${c.id}`}>{c.name}</Link>
                  </td>
                  <td>
                    {c.schoolName} ({c.municipalityName})
                  </td>
                  <td>{c.enabled ? "Aktiv" : "Avstängd"}</td>
                  <td>
                    <RunStatus c={c} />
                  </td>
                  <td>
                    {c.enabled ? (
                      <Form method="post">
                        <input type="hidden" name="connectionId" value={c.id} />
                        <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
                          Hämta nu<span className="visually-hidden"> från {c.name}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </>
  );
}
