import { Form } from "@remix-run/react";
import type { SendReport } from "~/modules/meetings/agenda-send.server";
import type { MeetingView } from "~/modules/meetings/meeting-view.server";
import { AGENDA_KIND_LABELS } from "~/modules/meetings/labels";
import { AgendaItemBody } from "./agenda-parts";

/** What sending the agenda did: notices stored, e-mails put in the outbox, and who gets none. */
export function SendReportView({ report }: { report: Extract<SendReport, { ok: true }> }) {
  return (
    <div className="alert alert--success" role="status">
      <p>
        {report.notified > 0 ? `${report.notified} deltagare har fått ett meddelande i portalen. ` : ""}
        {report.queued > 0
          ? `${report.queued} e-postmeddelanden skickas nu. Om något inte kommer fram syns det här på mötessidan.`
          : "Inga e-postmeddelanden skickas."}
      </p>
      {report.withoutAddress.length > 0 ? <p>Utan e-postadress: {report.withoutAddress.join(", ")}.</p> : null}
      {report.optedOut.length > 0 ? <p>Vill bara ha meddelanden i portalen: {report.optedOut.join(", ")}.</p> : null}
      {report.notConfigured ? <p>E-post är inte konfigurerad i portalen; deltagarna har bara fått meddelandet i portalen.</p> : null}
    </div>
  );
}

/** Participants the agenda has not (yet) reached by e-mail (they have the in-app notice if they have an account). */
export function EmailProblems({ problems }: { problems: MeetingView["emailProblems"] }) {
  if (problems.length === 0) return null;
  const failed = problems.filter((p) => p.agendaEmailStatus === "failed");
  const describe = (p: MeetingView["emailProblems"][number]) =>
    p.agendaEmailStatus === "no_address"
      ? "ingen e-postadress"
      : p.agendaEmailStatus === "not_configured"
        ? "e-post är inte konfigurerad i portalen"
        : (p.agendaEmailError ?? "");
  return (
    <div className="alert alert--warning">
      <p>
        <strong>
          {failed.length > 0 || problems.some((p) => p.agendaEmailStatus !== "queued") ? "Dagordningen nådde inte alla med e-post" : "E-post försöks igen"}
        </strong>{" "}
        (alla med konto i portalen har fått ett meddelande där):
      </p>
      <ul>
        {problems.map((p) => (
          <li key={p.id}>
            {p.name}: {describe(p)}
          </li>
        ))}
      </ul>
      {failed.length > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="resend-failed" />
          <button type="submit" className="button button--secondary">
            Försök skicka e-posten igen
          </button>
        </Form>
      ) : null}
    </div>
  );
}

/** Proposals to the agenda: the chair or secretary takes them on or declines them with a reason. */
export function Proposals({ proposals, decide, withdrawOwn }: { proposals: MeetingView["proposals"]; decide: boolean; withdrawOwn: boolean }) {
  return (
    <section aria-labelledby="forslag" className="card">
      <h2 id="forslag">Förslag till dagordningen ({proposals.length})</h2>
      <ul className="task-list">
        {proposals.map((item) => (
          <li key={item.id} className="task">
            <strong className="block">{item.title}</strong>
            <span className="block muted">
              {AGENDA_KIND_LABELS[item.kind]}, {item.minutesAllotted} min · föreslagen av {item.proposedByName}
            </span>
            <AgendaItemBody item={item} />
            {decide ? (
              <div className="button-row">
                <Form method="post">
                  <input type="hidden" name="intent" value="accept" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <button type="submit" className="button button--secondary">
                    Ta med på dagordningen<span className="visually-hidden"> {item.title}</span>
                  </button>
                </Form>
                <Form method="post" className="inline-fields">
                  <input type="hidden" name="intent" value="decline" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <div className="field">
                    <label htmlFor={`avboj-${item.id}`}>Skäl att avböja</label>
                    <input id={`avboj-${item.id}`} name="declineReason" required maxLength={300} />
                  </div>
                  <button type="submit" className="button button--secondary">
                    Avböj<span className="visually-hidden"> {item.title}</span>
                  </button>
                </Form>
              </div>
            ) : item.proposedByMe && withdrawOwn ? (
              <Form method="post">
                <input type="hidden" name="intent" value="withdraw" />
                <input type="hidden" name="itemId" value={item.id} />
                <button type="submit" className="button button--link">
                  Dra tillbaka förslaget<span className="visually-hidden"> {item.title}</span>
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
