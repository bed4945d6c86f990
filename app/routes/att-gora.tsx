import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { readWorklist, type WorklistFilter } from "~/modules/outreach/worklist.server";
import { KAA_ROLES, requireRole } from "~/modules/auth/actor.server";
import { openRegister } from "~/modules/access/gate.server";
import { kaaStaff } from "~/modules/organizations/memberships.server";
import { CaseworkerSelect, caseworkerChoice } from "~/components/caseworker-select";
import { myOpenActionItems } from "~/modules/meetings/action-items.server";
import { todayIso } from "~/lib/dates";
import { plural } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "Att göra – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, KAA_ROLES);
  const { choice, caseworker } = caseworkerChoice(new URL(request.url).searchParams.get("handlaggare"), actor);
  const filter: WorklistFilter = { caseworker };
  return {
    worklist: readWorklist(openRegister(actor), filter),
    staff: kaaStaff(actor.organisationId!),
    choice,
    actionItems: myOpenActionItems(actor),
    today: todayIso(),
  };
}

function Section({
  id,
  title,
  empty,
  count,
  more = false,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  count: number;
  more?: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>
        {title} ({more ? `fler än ${count}` : count})
      </h2>
      {count === 0 ? <p>{empty}</p> : <ul className="task-list">{children}</ul>}
      {more ? (
        <p className="muted">
          Listan visar de {count} som förfaller först; fler visas när de är åtgärdade. Välj en handläggare ovan för att dela upp listan, eller filtrera i
          registret.
        </p>
      ) : null}
    </section>
  );
}

function YouthLink({ youthId, name, caseworkerName }: { youthId: string; name: string; caseworkerName: string | null }) {
  return (
    <>
      <Link to={`/ungdomar/${youthId}`}>{name}</Link>
      <span className="muted"> · {caseworkerName ?? "ingen handläggare"}</span>
    </>
  );
}

export default function Worklist() {
  const { worklist, staff, choice, actionItems, today } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Att göra</h1>
      <Form method="get" className="filter-form" aria-label="Välj vems lista">
        <CaseworkerSelect label="Visa" choice={choice} staff={staff} />
        <button type="submit" className="button button--secondary">
          Visa
        </button>
      </Form>
      <Section
        id="rutinsteg"
        title="Kontaktrutinen: steg att göra"
        empty="Inga steg förfaller de närmaste två veckorna."
        count={worklist.routineSteps.length}
        more={worklist.truncated.includes("routineSteps")}
      >
        {worklist.routineSteps.map((t) => (
          <li key={t.youthId} className={t.overdue ? "task task--overdue" : "task"}>
            <YouthLink {...t} />
            <span className="block">
              {t.step}
              {t.missingGuardian ? " (även till vårdnadshavare)" : ""} –{" "}
              {t.overdue ? <strong>försenat, skulle gjorts {t.dueDate}</strong> : `senast ${t.dueDate}`}
            </span>
          </li>
        ))}
      </Section>
      <Section
        id="uppfoljningar"
        title="Uppföljningar av insatser"
        empty="Inga uppföljningar de närmaste två veckorna."
        count={worklist.followUps.length}
        more={worklist.truncated.includes("followUps")}
      >
        {worklist.followUps.map((t) => (
          <li key={`${t.interventionId}-${t.dueDate}`} className={t.overdue ? "task task--overdue" : "task"}>
            <YouthLink {...t} />
            <span className="block">
              <Link to={`/ungdomar/${t.youthId}/insatser/${t.interventionId}`}>{t.interventionName}</Link> – uppföljning{" "}
              {t.overdue ? <strong>försenad, skulle gjorts {t.dueDate}</strong> : t.dueDate}
            </span>
          </li>
        ))}
      </Section>
      <Section
        id="insatser-passerat-slut"
        title="Insatser som passerat planerat slut"
        empty="Ingen insats har passerat sitt planerade slut."
        count={worklist.interventionsPastEnd.length}
        more={worklist.truncated.includes("interventionsPastEnd")}
      >
        {worklist.interventionsPastEnd.map((t) => (
          <li key={t.interventionId} className="task task--overdue">
            <YouthLink {...t} />
            <span className="block">
              <Link to={`/ungdomar/${t.youthId}/insatser/${t.interventionId}`}>{t.interventionName}</Link> skulle slutat {t.plannedEndDate}. Avsluta den med
              orsak och utvärdering, eller ändra det planerade slutet.
            </span>
          </li>
        ))}
      </Section>
      <Section
        id="insatser-att-utvardera"
        title="Avslutade insatser att utvärdera"
        empty="Alla avslutade insatser är utvärderade."
        count={worklist.interventionsToEvaluate.length}
        more={worklist.truncated.includes("interventionsToEvaluate")}
      >
        {worklist.interventionsToEvaluate.map((t) => (
          <li key={t.interventionId} className="task task--overdue">
            <YouthLink {...t} />
            <span className="block">
              <Link to={`/ungdomar/${t.youthId}/insatser/${t.interventionId}`}>{t.interventionName}</Link> avslutades {t.endDate} utan utvärdering.
            </span>
          </li>
        ))}
      </Section>
      <Section
        id="ej-kontaktade"
        title="Ej kontaktade inom fyra veckor"
        empty="Alla ungdomar är kontaktade inom fyra veckor."
        count={worklist.notContacted.length}
        more={worklist.truncated.includes("notContacted")}
      >
        {worklist.notContacted.map((t) => (
          <li key={t.youthId} className="task task--overdue">
            <YouthLink {...t} />
            <span className="block">
              Inskriven {t.startDate}, {plural(t.days, "dag", "dagar")} utan etablerad kontakt.
            </span>
          </li>
        ))}
      </Section>
      <Section
        id="bevakning"
        title="Bevakning: dags att kontakta igen"
        empty="Inga bevakningar har förfallit."
        count={worklist.watchDue.length}
        more={worklist.truncated.includes("watchDue")}
      >
        {worklist.watchDue.map((t) => (
          <li key={t.youthId} className="task">
            <YouthLink {...t} />
            <span className="block">Bevakning till {t.watchUntil}.</span>
          </li>
        ))}
      </Section>
      <Section
        id="fyller-20"
        title="Fyller 20 inom 30 dagar"
        empty="Ingen fyller 20 den närmaste månaden."
        count={worklist.turning20.length}
        more={worklist.truncated.includes("turning20")}
      >
        {worklist.turning20.map((t) => (
          <li key={t.youthId} className="task">
            <YouthLink {...t} />
            <span className="block">Fyller 20 år {t.birthday}. Aktivitetsansvaret upphör då.</span>
          </li>
        ))}
      </Section>
      <Section id="atgardspunkter" title="Mina åtgärdspunkter från samverkansmöten" empty="Du har inga öppna åtgärdspunkter." count={actionItems.length}>
        {actionItems.map((a) => (
          <li key={a.id} className={a.dueDate < today ? "task task--overdue" : "task"}>
            {a.title}
            <span className="block">
              Klart senast {a.dueDate} · <Link to={`/samverkan/moten/${a.meetingId}`}>{a.meetingTitle}</Link> ({a.forumName})
            </span>
          </li>
        ))}
      </Section>
      <Section
        id="brev-20"
        title="Informationsbrev vid 20 år att skicka"
        empty="Inga informationsbrev att skicka."
        count={worklist.letterAt20.length}
        more={worklist.truncated.includes("letterAt20")}
      >
        {worklist.letterAt20.map((t) => (
          <li key={t.youthId} className="task">
            <YouthLink {...t} />
            <span className="block">
              Inskrivningen avslutades {t.endDate} (fyllde 20). <Link to={`/ungdomar/${t.youthId}/brev/vid-20`}>Skriv ut brevet</Link>
            </span>
          </li>
        ))}
      </Section>
    </>
  );
}
