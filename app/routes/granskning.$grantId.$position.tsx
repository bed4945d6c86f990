import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ReviewCaseSections } from "~/components/review-case";
import { notFound } from "~/lib/http";
import { requireRole } from "~/modules/auth/actor.server";
import { grantInForce, readReviewCase } from "~/modules/internal-control/review-cases.server";

export const meta: MetaFunction = () => [{ title: "Ärende i stickprovet – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["auditor"]);
  const grant = grantInForce(actor, Number(params.grantId));
  const position = Number(params.position);
  if (!Number.isSafeInteger(position) || position <= 0) throw notFound();
  return { grant: { id: grant.id, sampleId: grant.sampleId }, data: readReviewCase(actor, grant, position) };
}

export default function ReviewCasePage() {
  const { grant, data } = useLoaderData<typeof loader>();
  const base = `/granskning/${grant.id}`;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/granskning">Granskning</Link> / <Link to={base}>Granskning {grant.sampleId}</Link>
      </p>
      <h1>
        Ärende {data.position} av {data.caseCount}: {data.identity.name}
      </h1>
      <p className="lead">Det inskrivningstillfälle som togs ut i stickprovet, som det är dokumenterat nu. Du kan bara läsa; visningen loggas.</p>
      <nav aria-label="Ärenden i stickprovet" className="button-row">
        {data.previous !== null ? <Link to={`${base}/${data.previous}`}>Föregående ärende ({data.previous})</Link> : null}
        {data.next !== null ? <Link to={`${base}/${data.next}`}>Nästa ärende ({data.next})</Link> : null}
      </nav>
      <ReviewCaseSections data={data} />
    </>
  );
}
