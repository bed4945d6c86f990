import { Link } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";
import { REFERRAL_STATUS_LABELS } from "~/modules/referrals/referral-states";
import type { ReferralStatus } from "#db/schema/consent-values";

type Feedback = { id: number; text: string; at: string; author: string };

/** A referral's återkoppling, oldest first, each with its time and author. */
export function FeedbackList({ feedback, empty }: { feedback: readonly Feedback[]; empty: string }) {
  if (feedback.length === 0) return <p>{empty}</p>;
  return (
    <ol className="revision-list">
      {feedback.map((f) => (
        <li key={f.id}>
          <p className="revision-list__head">
            <strong>{formatDateTime(f.at)}</strong> · {f.author}
          </p>
          <p>{f.text}</p>
        </li>
      ))}
    </ol>
  );
}

type Unavailable = { id: number; status: ReferralStatus; sentAt: string; revokedAt: string | null; ownFeedback: readonly Feedback[] };

/**
 * The recipient's page once the referral no longer carries anything to it: that it was revoked and
 * when (or that its consent ended), and the återkoppling the recipient wrote itself (ADR 0023).
 */
export function UnavailableReferral({ data }: { data: Unavailable }) {
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to="/remisser">Remisser</Link>
      </p>
      <h1>
        Remiss {data.id} <span className="badge">{REFERRAL_STATUS_LABELS[data.status]}</span>
      </h1>
      <p className="alert alert--warning" role="status">
        {data.revokedAt
          ? `Remissen återkallades ${formatDateTime(data.revokedAt)}. Uppgifterna om ungdomen är inte längre tillgängliga för er.`
          : "Uppgifterna i remissen är inte längre tillgängliga: samtycket den vilade på har återkallats eller gått ut."}
      </p>
      <p>Remissen skickades {formatDateTime(data.sentAt)}.</p>
      <section aria-labelledby="egen-aterkoppling-rubrik" className="card">
        <h2 id="egen-aterkoppling-rubrik">Er återkoppling</h2>
        <FeedbackList feedback={data.ownFeedback} empty="Ni skrev ingen återkoppling på remissen." />
      </section>
    </div>
  );
}
