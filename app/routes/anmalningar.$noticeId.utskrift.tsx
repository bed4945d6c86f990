import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PrintButton } from "~/components/print-button";
import { todayIso } from "~/lib/dates";
import { formatDateTime } from "~/lib/format";
import { requireRole } from "~/modules/auth/actor.server";
import { NOTICE_KIND_LABELS } from "~/modules/notices/notice-schema";
import { readSchoolNotice } from "~/modules/notices/school-notices.server";
import { SCHOOL_ORGANISER_LABELS } from "~/modules/organizations/labels";

export const meta: MetaFunction = () => [{ title: "Anmälan – utskrift – Samverkansportalen" }];

/**
 * The notice on paper, for a home municipality whose KAA unit is not in the portal: everything
 * Skollagen 15 kap. 15 § asks the huvudman to tell the hemkommun, addressed to that municipality.
 * The personnummer is in the page, never in the address.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["school_staff"]);
  const data = readSchoolNotice(actor, Number(params.noticeId));
  const n = data.notice;
  return {
    id: n.id,
    status: n.status,
    kind: n.kind,
    name: `${n.firstName} ${n.lastName}`,
    personalNumber: n.personalNumberFormatted,
    programme: n.programme,
    eventDate: n.eventDate,
    reason: n.reason,
    contactName: n.contactName,
    contactPhone: n.contactPhone,
    contactEmail: n.contactEmail,
    createdAt: n.createdAt,
    municipalityName: data.municipalityName,
    municipalityCode: data.municipalityCode,
    schoolName: data.schoolName,
    organiserName: data.schoolOrganiserName,
    organiserKind: data.schoolOrganiserKind,
    printedOn: todayIso(),
  };
}

export default function PrintableNotice() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <div className="no-print">
        <p className="breadcrumbs">
          <Link to={`/anmalningar/${d.id}`}>Tillbaka till anmälan</Link>
        </p>
        <PrintButton />
        {d.status === "to_send_manually" ? (
          <p className="muted">När anmälan är skickad med post eller e-post: gå tillbaka till anmälan och markera den som skickad.</p>
        ) : null}
      </div>
      <article className="letter printable-plan" aria-labelledby="anmalan-rubrik">
        <p className="letter__address">
          Till {d.municipalityName} (kommunkod {d.municipalityCode})
          <br />
          ansvarig för det kommunala aktivitetsansvaret
        </p>
        <p className="letter__date">
          {d.schoolName}
          <br />
          Utskriven {d.printedOn}
        </p>
        <h1 id="anmalan-rubrik">Anmälan till hemkommunen enligt skollagen 15 kap. 15 §</h1>
        <p>
          Huvudmannen för gymnasieskolan anmäler härmed till elevens hemkommun att: <strong>{NOTICE_KIND_LABELS[d.kind].toLowerCase()}</strong>.
        </p>
        <Table>
          <caption className="visually-hidden">Anmälans uppgifter</caption>
          <tbody>
            <tr>
              <th scope="row">Elevens namn</th>
              <td>{d.name}</td>
            </tr>
            <tr>
              <th scope="row">Personnummer</th>
              <td>{d.personalNumber}</td>
            </tr>
            <tr>
              <th scope="row">Anmälan gäller</th>
              <td>{NOTICE_KIND_LABELS[d.kind]}</td>
            </tr>
            <tr>
              <th scope="row">Datum för händelsen</th>
              <td>{d.eventDate}</td>
            </tr>
            <tr>
              <th scope="row">Program</th>
              <td>{d.programme}</td>
            </tr>
            {d.reason ? (
              <tr>
                <th scope="row">Kort orsak</th>
                <td>{d.reason}</td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">Skola</th>
              <td>{d.schoolName}</td>
            </tr>
            <tr>
              <th scope="row">Huvudman</th>
              <td>
                {d.organiserName}
                {d.organiserKind ? ` (${SCHOOL_ORGANISER_LABELS[d.organiserKind].toLowerCase()})` : ""}
              </td>
            </tr>
            <tr>
              <th scope="row">Kontaktperson på skolan</th>
              <td>{[d.contactName, d.contactPhone, d.contactEmail].filter(Boolean).join(", ")}</td>
            </tr>
            <tr>
              <th scope="row">Registrerad hos skolan</th>
              <td>{formatDateTime(d.createdAt)}</td>
            </tr>
          </tbody>
        </Table>
        <p>
          Hemkommunen ska enligt skollagen 29 kap. 9 § hålla sig informerad om ungdomar under 20 år som inte går i eller har fullföljt gymnasieskolan. Kontakta
          skolans kontaktperson om ni har frågor om anmälan.
        </p>
        <p>
          Underskrift: ______________________________
          <br />
          Namnförtydligande: {d.contactName}
        </p>
      </article>
    </>
  );
}
