import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { NOTICE_STATUS_LABELS } from "~/components/labels";
import { formatDateTime } from "~/lib/format";
import { readFormData } from "~/lib/form.server";
import { requireRole } from "~/modules/auth/actor.server";
import { NOTICE_KIND_LABELS } from "~/modules/notices/notice-schema";
import { markNoticeSentManually, readSchoolNotice, withdrawNotice } from "~/modules/notices/school-notices.server";

export const meta: MetaFunction = () => [{ title: "Anmälan – Samverkansportalen" }];

const HISTORY_LABELS = { corrected: "Rättad", withdrawn: "Återkallad" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["school_staff"]);
  const data = readSchoolNotice(actor, Number(params.noticeId));
  const n = data.notice;
  return {
    notice: {
      id: n.id,
      kind: n.kind,
      status: n.status,
      name: `${n.firstName} ${n.lastName}`,
      personalNumber: n.personalNumberFormatted,
      programme: n.programme,
      eventDate: n.eventDate,
      reason: n.reason,
      contact: [n.contactName, n.contactPhone, n.contactEmail].filter(Boolean).join(", "),
      createdAt: n.createdAt,
      receivedAt: n.receivedAt,
      manuallySentAt: n.manuallySentAt,
      withdrawnAt: n.withdrawnAt,
    },
    municipalityName: data.municipalityName,
    editable: data.editable,
    notEditableReason: data.notEditableReason,
    manuallySentByName: data.manuallySentByName,
    withdrawnByName: data.withdrawnByName,
    history: data.history,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["school_staff"]);
  const noticeId = Number(params.noticeId);
  const intent = (await readFormData(request)).get("intent");
  const result =
    intent === "withdraw"
      ? withdrawNotice(actor, noticeId)
      : intent === "mark-sent"
        ? markNoticeSentManually(actor, noticeId)
        : ({ ok: false, errors: { form: "Okänd åtgärd. Ladda om sidan och försök igen." } } as const);
  if (!result.ok) return json({ errors: result.errors }, { status: 400 });
  return redirect(`/anmalningar/${noticeId}?klart=${intent === "withdraw" ? "aterkallad" : "skickad"}`);
}

const DONE: Record<string, string> = {
  aterkallad: "Anmälan är återkallad.",
  skickad: "Anmälan är markerad som skickad till hemkommunen.",
  rattad: "Anmälan är rättad.",
};

export default function SchoolNotice() {
  const { notice, municipalityName, editable, notEditableReason, manuallySentByName, withdrawnByName, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const done = DONE[search.get("klart") ?? ""];
  const manual = notice.status === "to_send_manually";
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to="/anmalningar">Alla anmälningar</Link>
      </p>
      <h1>Anmälan: {NOTICE_KIND_LABELS[notice.kind]}</h1>
      {done ? (
        <p className="alert alert--success" role="status">
          {done}
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} />
      {manual ? (
        <div className="alert alert--warning" role={search.get("ny") === "manuell" ? "alert" : undefined}>
          <p>
            <strong>Anmälan är inte skickad.</strong> {municipalityName} har ingen KAA-enhet i Samverkansportalen, så anmälan kan inte skickas härifrån. Skriv
            ut anmälan och skicka den med post eller e-post till kommunen. Markera den sedan som skickad.
          </p>
          <div className="button-row">
            <Link to={`/anmalningar/${notice.id}/utskrift`} className="button">
              Skriv ut anmälan
            </Link>
            <Form method="post">
              <button type="submit" name="intent" value="mark-sent" className="button button--secondary">
                Markera som skickad
              </button>
            </Form>
          </div>
        </div>
      ) : null}
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={`status status--${notice.status}`}>{NOTICE_STATUS_LABELS[notice.status]}</span>
        </dd>
        <dt>Registrerad i portalen</dt>
        <dd>{formatDateTime(notice.createdAt)}</dd>
        <dt>Mottagen av hemkommunen</dt>
        <dd>{notice.receivedAt ? formatDateTime(notice.receivedAt) : "Inte ännu"}</dd>
        {notice.manuallySentAt ? (
          <>
            <dt>Skickad manuellt</dt>
            <dd>
              {formatDateTime(notice.manuallySentAt)}
              {manuallySentByName ? ` av ${manuallySentByName}` : ""}
            </dd>
          </>
        ) : null}
        {notice.withdrawnAt ? (
          <>
            <dt>Återkallad</dt>
            <dd>
              {formatDateTime(notice.withdrawnAt)}
              {withdrawnByName ? ` av ${withdrawnByName}` : ""}
            </dd>
          </>
        ) : null}
        <dt>Elev</dt>
        <dd>{notice.name}</dd>
        <dt>Personnummer</dt>
        <dd>{notice.personalNumber}</dd>
        <dt>Hemkommun</dt>
        <dd>{municipalityName}</dd>
        <dt>Program</dt>
        <dd>{notice.programme}</dd>
        <dt>Datum för händelsen</dt>
        <dd>{notice.eventDate}</dd>
        <dt>Kort orsak</dt>
        <dd>{notice.reason ?? "Ingen angiven"}</dd>
        <dt>Kontaktperson</dt>
        <dd>{notice.contact}</dd>
      </dl>
      {editable ? (
        <section aria-labelledby="andra-rubrik" className="card">
          <h2 id="andra-rubrik">Rätta eller återkalla</h2>
          <p>Tills hemkommunen har tagit emot anmälan kan ni rätta den eller återkalla den. De tidigare uppgifterna sparas.</p>
          <div className="button-row">
            <Link to={`/anmalningar/${notice.id}/andra`} className="button button--secondary">
              Rätta anmälan
            </Link>
            <Form method="post">
              <button type="submit" name="intent" value="withdraw" className="button button--danger">
                Återkalla anmälan
              </button>
            </Form>
          </div>
        </section>
      ) : notEditableReason ? (
        <p className="muted">{notEditableReason}</p>
      ) : null}
      {!manual && notice.status === "sent_manually" ? (
        <p>
          <Link to={`/anmalningar/${notice.id}/utskrift`}>Skriv ut anmälan igen</Link>
        </p>
      ) : null}
      {history.length > 0 ? (
        <section aria-labelledby="historik-rubrik">
          <h2 id="historik-rubrik">Ändringar</h2>
          <ul>
            {history.map((h) => (
              <li key={h.id}>
                {HISTORY_LABELS[h.action]} {formatDateTime(h.at)} av {h.byName}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
