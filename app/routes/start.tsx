import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { navigationLinks } from "~/components/navigation";
import { todayIso } from "~/lib/dates";
import { registerSize } from "~/modules/youth/register.server";
import { newReferralCount } from "~/modules/referrals/referrals.server";
import { registerOf } from "~/modules/access/gate.server";
import { requireActor } from "~/modules/auth/actor.server";
import { ROLE_LABELS } from "~/modules/organizations/labels";
import { myOpenActionItems } from "~/modules/meetings/action-items.server";
import { FORUM_PORTAL_ROLES } from "~/modules/meetings/permissions";
import { unreadCount } from "~/modules/notifications/notifications.server";
import { plural, pluralForm } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "Start – Samverkansportalen" }];

const ROLE_INTRO: Record<string, string> = {
  kaa_coordinator: "Som samordnare för KAA-enheten ser du kommunens ungdomsregister, fördelar ärenden och gör den regelbundna loggkontrollen.",
  kaa_caseworker: "Som handläggare på KAA-enheten för du kommunens register över ungdomar i målgruppen och dokumenterar kontakter och insatser.",
  school_staff: "Skolan är en egen sekretessdomän. Du ser inga uppgifter ur KAA-enhetens register, bara det din skola själv lämnat.",
  social_worker: "Socialtjänsten är en egen sekretessdomän. Du ser uppgifter om en ungdom bara när ungdomen samtyckt till att de delas med er.",
  employment_officer: "Arbetsförmedlingen är en egen sekretessdomän. Du ser uppgifter om en ungdom bara när ungdomen samtyckt till att de delas med er.",
  steering_member: "Styrgruppen följer kommunens arbete med aktivitetsansvaret på aggregerad nivå och ser inga enskilda ungdomar.",
  system_admin: "Som systemförvaltare hanterar du kommuner, organisationer och användarkonton. Du har ingen åtkomst till uppgifter om ungdomar.",
  auditor:
    "Som granskare läser du ärendena i de stickprov som KAA-samordnaren gett dig behörighet till, bara under den tid behörigheten gäller. Du kan inte ändra något, och varje visning loggas.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const register = registerOf(actor);
  return {
    displayName: actor.displayName,
    role: ROLE_LABELS[actor.role],
    intro: ROLE_INTRO[actor.role] ?? "",
    organisationName: actor.organisationName,
    municipalityName: actor.municipalityName,
    registerSize: register ? registerSize(register) : null,
    // A recipient organisation's new referrals: a count, naming no one.
    newReferrals: ["social_worker", "employment_officer", "school_staff"].includes(actor.role) ? newReferralCount(actor) : null,
    links: navigationLinks(actor.role).filter((item) => item.to !== "/start"),
    unread: unreadCount(actor.userId),
    today: todayIso(),
    // The styrgrupp follows the work on aggregate level: the start page leads there.
    followUp: actor.role === "steering_member",
    // The systemförvaltare sits in no forum and has no action items.
    actionItems: (FORUM_PORTAL_ROLES as readonly string[]).includes(actor.role) ? myOpenActionItems(actor) : null,
  };
}

export default function Start() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Välkommen, {data.displayName}</h1>
      <p className="lead">
        Du är inloggad som <strong>{data.role}</strong>
        {data.organisationName ? (
          <>
            {" "}
            på <strong>{data.organisationName}</strong>
            {data.municipalityName ? ` i ${data.municipalityName}` : ""}
          </>
        ) : null}
        .
      </p>
      <p>{data.intro}</p>
      <p>
        <Link to="/meddelanden">{data.unread > 0 ? `Meddelanden: ${plural(data.unread, "oläst", "olästa")}` : "Meddelanden"}</Link>
      </p>
      {data.actionItems ? (
        <section aria-labelledby="atgardspunkter-heading" className="card">
          <h2 id="atgardspunkter-heading">Mina åtgärdspunkter</h2>
          {data.actionItems.length === 0 ? (
            <p>Du har inga öppna åtgärdspunkter från samverkansmöten.</p>
          ) : (
            <ul className="task-list">
              {data.actionItems.map((a) => (
                <li key={a.id} className={a.dueDate < data.today ? "task task--overdue" : "task"}>
                  {a.title}
                  <span className="block muted">
                    Klart senast {a.dueDate} · <Link to={`/samverkan/moten/${a.meetingId}`}>{a.meetingTitle}</Link> ({a.forumName})
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/samverkan#mina-atgardspunkter">Markera åtgärdspunkter som klara</Link>
          </p>
        </section>
      ) : null}
      {data.followUp ? (
        <section aria-labelledby="uppfoljning-heading" className="card">
          <h2 id="uppfoljning-heading">Uppföljning</h2>
          <p>
            Målgruppen, nya inskrivningar, anmälningar, kontakter, insatser och avslut per tertial, termin, läsår, år eller halvår, jämfört med perioden före
            och året innan. Små tal visas som ”färre än 5”. <Link to="/uppfoljning">Till uppföljningen</Link>
          </p>
        </section>
      ) : null}
      {data.registerSize !== null ? (
        <section aria-labelledby="register-heading" className="card">
          <h2 id="register-heading">Ungdomsregistret</h2>
          <p>
            <span className="big-number">{data.registerSize}</span> {pluralForm(data.registerSize, "ungdom", "ungdomar")} i {data.municipalityName}s register.
          </p>
        </section>
      ) : null}
      {data.newReferrals !== null ? (
        <section aria-labelledby="remisser-heading" className="card">
          <h2 id="remisser-heading">Remisser</h2>
          <p>
            <span className="big-number">{data.newReferrals}</span> {pluralForm(data.newReferrals, "ny remiss", "nya remisser")} som ingen har öppnat.{" "}
            <Link to="/remisser">Till inkorgen</Link>
          </p>
        </section>
      ) : null}
      {data.links.length > 0 ? (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">Gå vidare</h2>
          <ul className="link-list">
            {data.links.map((link) => (
              <li key={link.to}>
                <Link to={link.to}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
