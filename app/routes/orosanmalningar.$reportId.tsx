import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";
import { notFound } from "~/lib/http";
import { readConcernReport } from "~/modules/concern-reports/concern-reports.server";
import { requireActor } from "~/modules/auth/actor.server";

export const meta: MetaFunction = () => [{ title: "Orosanmälan – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const id = Number(params.reportId);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return readConcernReport(actor, id);
}

export default function ConcernReport() {
  const { report, isRecipient } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to="/orosanmalningar">Orosanmälningar</Link>
      </p>
      <h1>Orosanmälan {report.id}</h1>
      {!isRecipient ? (
        <p className="alert alert--success" role="status">
          Anmälan är skickad till {report.recipientName}
          {report.receivedAt ? ` och öppnades ${formatDateTime(report.receivedAt)}` : " och har ännu inte öppnats"}.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Barn</dt>
        <dd>
          {report.name}, {report.personalNumber}
        </dd>
        <dt>Hemkommun</dt>
        <dd>{report.homeMunicipality}</dd>
        <dt>Iakttaget</dt>
        <dd>{report.observedWhen}</dd>
        <dt>Vad som iakttagits</dt>
        <dd className="preserve-lines">{report.observed}</dd>
        <dt>Anmälare</dt>
        <dd>
          {report.reporterName}, {report.reporterOrganisation}
          {report.reporterPhone ? `, tel. ${report.reporterPhone}` : ""}
        </dd>
        <dt>Skickad</dt>
        <dd>{formatDateTime(report.createdAt)}</dd>
        <dt>Mottagare</dt>
        <dd>{report.recipientName}</dd>
      </dl>
    </div>
  );
}
