import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";
import { requireRole } from "~/modules/auth/actor.server";
import { SCHOOL_LIST_KIND_LABELS, SCHOOL_LIST_SOURCE_LABELS } from "~/modules/reconciliation/school-list-csv";
import { listSchoolLists } from "~/modules/reconciliation/school-lists.server";

export const meta: MetaFunction = () => [{ title: "Skollistor – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["school_staff", "kaa_coordinator"]);
  const stored = Number(new URL(request.url).searchParams.get("lagrade")) || 0;
  return { ...listSchoolLists(actor), stored, isCoordinator: actor.role === "kaa_coordinator", organisationName: actor.organisationName };
}

type ListRow = ReturnType<typeof useLoaderData<typeof loader>>["own"][number];

/** `linked`: the rows open to the viewer (the organisation's own lists only). */
function ListTable({ lists, caption, linked, showOrganisation }: { lists: ListRow[]; caption: string; linked: boolean; showOrganisation: boolean }) {
  return (
    <div className="table-wrap">
      <Table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Inläst</th>
            {showOrganisation ? <th scope="col">Skola</th> : null}
            <th scope="col">Lista</th>
            <th scope="col">Källa</th>
            <th scope="col">Fil</th>
            <th scope="col">Inläst av</th>
            <th scope="col">Rader</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {lists.map((l) => (
            <tr key={l.id}>
              <td>{linked ? <Link to={`/skollistor/${l.id}`}>{formatDateTime(l.createdAt)}</Link> : formatDateTime(l.createdAt)}</td>
              {showOrganisation ? <td>{l.organisationName}</td> : null}
              <td>{SCHOOL_LIST_KIND_LABELS[l.kind]}</td>
              <td>{SCHOOL_LIST_SOURCE_LABELS[l.source] ?? l.source}</td>
              <td>{l.fileName ?? "–"}</td>
              <td>{l.uploadedBy ?? "–"}</td>
              <td>{l.rowCount.toLocaleString("sv-SE")}</td>
              <td>{l.supersededAt ? `Ersatt ${formatDateTime(l.supersededAt)}` : "Gällande"}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

export default function SchoolLists() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading">
        <h1>Skollistor</h1>
        <div className="button-row">
          <Link to="/skollistor/ny" className="button">
            Läs in en lista
          </Link>
        </div>
      </div>
      {data.stored > 0 ? (
        <p className="alert alert--success" role="status">
          Listan är inläst: {data.stored.toLocaleString("sv-SE")} {data.stored === 1 ? "rad" : "rader"}. Den ersätter den tidigare listan av samma slag.
        </p>
      ) : null}
      <p>
        Listorna över elever i gymnasieskolan och elever som lämnar årskurs 9 används för att hitta ungdomar som hör till aktivitetsansvaret. En ny lista av
        samma slag ersätter den förra. Bara {data.organisationName} ser raderna i sina egna listor.
      </p>
      <h2>{data.isCoordinator ? "KAA-enhetens egna listor" : "Skolans listor"}</h2>
      {data.own.length > 0 ? (
        <ListTable lists={data.own} caption="Egna listor, senaste först" linked showOrganisation={false} />
      ) : (
        <p>Inga listor är inlästa ännu.</p>
      )}
      {data.isCoordinator ? (
        <section aria-labelledby="skolornas">
          <h2 id="skolornas">Kommunens skolors listor</h2>
          {/* Need-to-know: the samordnare learns that a school's list is there and how fresh it is, not who is on it. */}
          <p>Här syns bara att listorna finns. Raderna ser bara skolan själv; KAA-enheten får veta om en elev först genom avstämningen.</p>
          {data.schools.length > 0 ? (
            <ListTable lists={data.schools} caption="Skolornas listor, senaste först" linked={false} showOrganisation />
          ) : (
            <p>Ingen skola i kommunen har en inläst lista.</p>
          )}
        </section>
      ) : null}
      {data.own.length === data.limit || data.schools.length === data.limit ? <p className="muted">Visar de {data.limit} senaste listorna.</p> : null}
    </>
  );
}
