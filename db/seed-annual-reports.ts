/**
 * Demo data for the annual report (issue 13), run at the end of the demo seed's transaction: Nässjö's
 * report for the last finished läsår, fastställd by the samordnare with its figures frozen from the
 * demo register, and a draft for the läsår under way. Looked up by kommunkod and user name.
 */
import { and, eq } from "drizzle-orm";
import { todayIso } from "../app/lib/dates";
import { reportFigures } from "../app/modules/annual-report/report-figures.server";
import { schoolYear } from "../app/modules/statistics/periods";
import type { Tx } from "./client";
import { annualReports, memberships, municipalities, users } from "./schema";

const APPROVED_ANALYSIS = {
  malgrupp:
    "Målgruppen har ökat något jämfört med läsåret före. De flesta ungdomar kommer till oss genom skolornas anmälningar om avbrott; anmälningarna om betydande frånvaro har blivit fler sedan rutinen med skolorna reviderades.\n\nFör att kunna följa andelen av befolkningen 16–19 år behöver befolkningstalet föras in varje år.",
  kontakt:
    "Telefon och sms ger flest nådda ungdomar. Brev når sällan fram på egen hand men öppnar för en senare kontakt. Hembesök används när andra kanaler inte fungerat.\n\nAndelen som kontaktas inom fyra veckor når inte målet. Vi föreslår att första kontaktförsöket alltid görs inom en vecka.",
  kartlaggning: "Fler ungdomar än tidigare har en dokumenterad kartläggning, men planerna släpar efter. Checklistan i portalen används nu i alla nya ärenden.",
  insatser:
    "Praktik och studiebesök är de vanligaste insatserna. Insatser där Arbetsförmedlingen ansvarar har ökat. Utvärderingarna visar att de flesta insatser når sitt mål helt eller delvis.",
  avslut: "De flesta avslut beror på att ungdomen börjat studera. Ett mindre antal fyllde 20 år utan att ha återgått till studier.",
  mal: "Målet om kontakt inom fyra veckor nåddes inte. Handlingsplanens aktivitet om ett gemensamt arbetssätt med skolorna är genomförd.",
  analys:
    "Arbetet med aktivitetsansvaret har blivit mer systematiskt under året: fler ungdomar nås, och de flesta som avslutas går vidare till studier.\n\nFörbättringsområden till nästa läsår: snabbare första kontakt, fler individuella planer och en tydligare uppföljning av insatsernas resultat.",
};

export function seedAnnualReports(tx: Tx, now = new Date()) {
  const municipality = tx.select().from(municipalities).where(eq(municipalities.code, "0682")).get();
  if (!municipality) return;
  const coordinator = tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.username, "samordnare@demo.example"), eq(memberships.role, "kaa_coordinator")))
    .get()!.id;
  const today = todayIso(now);
  const year = Number(today.slice(0, 4));
  // The läsår under way started on 1 July this year or last year; the one before it is finished.
  const current = schoolYear(today >= `${year}-07-01` ? year : year - 1);
  const finished = schoolYear(Number(current.from.slice(0, 4)) - 1);
  const by = { createdByMembershipId: coordinator, updatedByMembershipId: coordinator };
  tx.insert(annualReports)
    .values({
      municipalityId: municipality.id,
      period: finished.value,
      periodKind: "lasar",
      status: "approved",
      analysis: JSON.stringify(APPROVED_ANALYSIS),
      version: 3,
      figures: JSON.stringify(reportFigures(municipality.id, finished, { db: tx, today, now })),
      approvedAt: now.toISOString(),
      approvedByMembershipId: coordinator,
      ...by,
    })
    .run();
  tx.insert(annualReports)
    .values({
      municipalityId: municipality.id,
      period: current.value,
      periodKind: "lasar",
      analysis: JSON.stringify({ malgrupp: "Utkast: målgruppen hittills under läsåret." }),
      ...by,
    })
    .run();
}
