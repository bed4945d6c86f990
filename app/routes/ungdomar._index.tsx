import { Table } from "~/components/table";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { readFormData } from "~/lib/form.server";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { countText } from "~/lib/counting";
import { formatDate, parsePage } from "~/lib/format";
import { findYouthByPersonalNumber, listYouthRegister } from "~/modules/youth/register.server";
import { REGISTER_SORTS, REGISTER_STATUS_FILTERS, type RegisterSort, type RegisterStatusFilter } from "~/modules/youth/register-query";
import { kaaStaff } from "~/modules/organizations/memberships.server";
import { ENROLLMENT_STATUS_LABELS } from "~/modules/outreach/labels";
import { KAA_ROLES, requireRole } from "~/modules/auth/actor.server";
import { openRegister } from "~/modules/access/gate.server";

export const meta: MetaFunction = () => [{ title: "Ungdomsregistret – Samverkansportalen" }];

const SORT_LABELS: Record<RegisterSort, string> = { namn: "Efternamn A–Ö", nyast: "Senast registrerade", alder: "Äldst först" };
// Any digit: a personnummer typed into the name search, even in groups, must not reach the URL again.
const DIGITS = /\d/;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, KAA_ROLES);
  const params = new URL(request.url).searchParams;
  const rawQ = params.get("q")?.trim() ?? "";
  // Personnummer must not travel in URLs (they end up in logs): the name search refuses digits.
  const qError = DIGITS.test(rawQ) ? "Sök på personnummer i fältet för personnummer nedan." : null;
  const q = qError ? "" : rawQ;
  const sortParam = params.get("sortering");
  const sort: RegisterSort = REGISTER_SORTS.includes(sortParam as RegisterSort) ? (sortParam as RegisterSort) : "namn";
  const statusParam = params.get("status") ?? "";
  const status = REGISTER_STATUS_FILTERS.includes(statusParam as RegisterStatusFilter) ? (statusParam as RegisterStatusFilter) : undefined;
  const caseworkerParam = params.get("handlaggare") ?? "";
  const caseworker = caseworkerParam === "ingen" ? ("unassigned" as const) : Number(caseworkerParam) || undefined;
  const overdue = params.get("forsenade") === "ja";
  const result = listYouthRegister(openRegister(actor), { q: q || undefined, sort, page: parsePage(params.get("sida")), status, caseworker, overdue });
  return {
    ...result,
    q,
    qError,
    sort,
    filters: { status: status ?? "", caseworker: caseworkerParam, overdue },
    staff: kaaStaff(actor.organisationId!),
    municipalityName: actor.municipalityName,
  };
}

/** Exact look-up by personnummer, posted so that the number stays out of the address bar. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, KAA_ROLES);
  const form = await readFormData(request);
  const value = String(form.get("personalNumber") ?? "");
  const found = findYouthByPersonalNumber(openRegister(actor), value);
  if (found && "id" in found) return redirect(`/ungdomar/${found.id}`);
  const error = found && "error" in found ? found.error : "Ingen ungdom med det numret finns i registret.";
  return json({ error }, { status: found ? 400 : 404 });
}

export default function Register() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  return (
    <>
      <div className="page-heading">
        <h1>Ungdomsregistret</h1>
        <Link to="/ungdomar/ny" className="button">
          Registrera ungdom
        </Link>
      </div>
      <p className="lead">{data.municipalityName}s register över ungdomar i målgruppen för aktivitetsansvaret.</p>
      <div className="search-panel">
        <Form method="get" className="search-form" role="search" aria-label="Sök på namn">
          <div className="field">
            <label htmlFor="q">Sök på namn</label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={data.q}
              pattern="[^0-9]*"
              title="Sök på namn. Använd fältet för personnummer för att söka på nummer."
              aria-invalid={data.qError ? true : undefined}
              aria-describedby={data.qError ? "q-hint q-error" : "q-hint"}
            />
            <p className="field__hint" id="q-hint">
              Tre tecken eller fler söker i hela namnet; ett eller två söker efternamn som börjar så.
            </p>
            {data.qError ? (
              <p className="field__error" id="q-error">
                {data.qError}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="sortering">Sortering</label>
            <select id="sortering" name="sortering" defaultValue={data.sort}>
              {REGISTER_SORTS.map((s) => (
                <option key={s} value={s}>
                  {SORT_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="status">Status</label>
            <select id="status" name="status" defaultValue={data.filters.status}>
              <option value="">Alla</option>
              {REGISTER_STATUS_FILTERS.map((s) => (
                <option key={s} value={s}>
                  {s === "none" ? "Ingen öppen inskrivning" : ENROLLMENT_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="handlaggare">Handläggare</label>
            <select id="handlaggare" name="handlaggare" defaultValue={data.filters.caseworker}>
              <option value="">Alla</option>
              <option value="ingen">Ingen tilldelad</option>
              {data.staff.map((s) => (
                <option key={s.membershipId} value={s.membershipId}>
                  {s.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--checkbox">
            <input id="forsenade" name="forsenade" type="checkbox" value="ja" defaultChecked={data.filters.overdue} />
            <label htmlFor="forsenade">Bara försenade</label>
          </div>
          <button type="submit" className="button button--secondary">
            Visa
          </button>
        </Form>
        <Form method="post" className="search-form" aria-label="Sök på personnummer">
          <div className="field">
            <label htmlFor="personalNumber">Sök på personnummer</label>
            <input
              id="personalNumber"
              name="personalNumber"
              autoComplete="off"
              inputMode="numeric"
              aria-invalid={actionData?.error ? true : undefined}
              aria-describedby={actionData?.error ? "pnr-error" : "pnr-hint"}
            />
            <p className="field__hint" id="pnr-hint">
              ÅÅÅÅMMDD-NNNN. Söker i hela registret.
            </p>
            {actionData?.error ? (
              <p className="field__error" id="pnr-error" role="alert">
                {actionData.error}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button button--secondary">
            Sök
          </button>
        </Form>
      </div>
      <p aria-live="polite">
        {countText(data.total, data.moreThanCap, "ungdom", "ungdomar")}
        {data.q ? ` som matchar ”${data.q}”` : ""}.
        {data.moreThanCap ? (data.q ? " Skriv mer av namnet, eller filtrera, för att se alla." : " Sök på namn eller filtrera för att se alla.") : ""}
      </p>
      {data.rows.length > 0 ? (
        <div className="table-wrap">
          <Table>
            <caption className="visually-hidden">Ungdomar i registret</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Födelsedatum</th>
                <th scope="col">Ålder</th>
                <th scope="col">Status</th>
                <th scope="col">Handläggare</th>
                <th scope="col">Registrerad</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link to={`/ungdomar/${row.id}`}>{row.name}</Link>
                    {row.protectedIdentity ? <span className="badge">Skyddad identitet</span> : null}
                  </td>
                  <td>{row.birthDate}</td>
                  <td>{row.age} år</td>
                  <td>{row.status ? ENROLLMENT_STATUS_LABELS[row.status] : "Ingen öppen inskrivning"}</td>
                  <td>{row.caseworkerName ?? "–"}</td>
                  <td>{formatDate(row.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : (
        <p>Inga ungdomar att visa.</p>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} search={location.search} />
    </>
  );
}
