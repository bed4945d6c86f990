/**
 * Demo consents, referrals and reports of concern in Nässjö: a consent in force with a referral
 * waiting in socialtjänstens inbox, one accepted by Arbetsförmedlingen, a withdrawn consent whose
 * referral was revoked, an expired one, a declined referral, and two orosanmälningar.
 */
import { and, eq, isNotNull, lt } from "drizzle-orm";
import type { Tx } from "./client";
import {
  assessments,
  concernReports,
  consentRecipients,
  consents,
  consentSections,
  referralFeedback,
  referrals,
  referralSections,
  youths,
  type ConsentSection,
  type ReferralStatus,
} from "./schema";

type Ids = {
  municipalityId: number;
  kaaOrganisationId: number;
  socialOrganisationId: number;
  employmentOrganisationId: number;
  schoolOrganisationId: number;
  kaaMembershipId: number;
  socialMembershipId: number;
  employmentMembershipId: number;
  schoolMembershipId: number;
  today: string;
};

function addDays(iso: string, days: number) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function seedConsents(tx: Tx, ids: Ids) {
  // Youths with an assessment: there is something to share about them.
  const documented = tx
    .select({ id: youths.id, birthDate: youths.birthDate })
    .from(assessments)
    .innerJoin(youths, eq(youths.id, assessments.youthId))
    .where(and(eq(youths.homeMunicipalityId, ids.municipalityId), isNotNull(assessments.id)))
    .orderBy(youths.nameSort)
    .limit(6)
    .all();
  const at = (daysAgo: number) => `${addDays(ids.today, -daysAgo)}T09:30:00.000Z`;

  const consent = (youthId: string, o: { recipients: number[]; sections: ConsentSection[]; from: number; until: number; withdrawn?: number }) => {
    const id = tx
      .insert(consents)
      .values({
        youthId,
        municipalityId: ids.municipalityId,
        givenBy: "youth",
        maturityNote: "Ungdomen förstår vad samtycket innebär och vill att uppgifterna delas.",
        method: "written",
        documentRef: `KAA ${new Date().getUTCFullYear()}/${100 + youthId.charCodeAt(0)}`,
        purpose: "Samordna stödet till ungdomen mellan KAA-enheten och mottagarna.",
        validFrom: addDays(ids.today, -o.from),
        validUntil: addDays(ids.today, o.until),
        recordedByMembershipId: ids.kaaMembershipId,
        recordedAt: at(o.from),
        ...(o.withdrawn !== undefined
          ? {
              withdrawnDate: addDays(ids.today, -o.withdrawn),
              withdrawalMethod: "oral" as const,
              withdrawnByMembershipId: ids.kaaMembershipId,
              withdrawnAt: at(o.withdrawn),
            }
          : {}),
      })
      .returning({ id: consents.id })
      .get().id;
    tx.insert(consentRecipients)
      .values(o.recipients.map((organisationId) => ({ consentId: id, organisationId })))
      .run();
    tx.insert(consentSections)
      .values(o.sections.map((section) => ({ consentId: id, section })))
      .run();
    return id;
  };

  const referral = (
    youthId: string,
    consentId: number,
    o: { to: number; sections: ConsentSection[]; sentDaysAgo: number; status: ReferralStatus; extra?: Partial<typeof referrals.$inferInsert> },
  ) => {
    const id = tx
      .insert(referrals)
      .values({
        youthId,
        municipalityId: ids.municipalityId,
        consentId,
        senderOrganisationId: ids.kaaOrganisationId,
        senderMembershipId: ids.kaaMembershipId,
        recipientOrganisationId: o.to,
        question: "Ungdomen har svårt att komma igång med studierna och behöver stöd i vardagen. Kan ni ta ställning till insatser?",
        requestedIntervention:
          o.to === ids.employmentOrganisationId ? "Arbetsmarknadsinriktad insats, till exempel praktik." : "Stödsamtal och kontakt med socialsekreterare.",
        status: o.status,
        sentAt: at(o.sentDaysAgo),
        ...o.extra,
      })
      .returning({ id: referrals.id })
      .get().id;
    tx.insert(referralSections)
      .values(o.sections.map((section) => ({ referralId: id, section })))
      .run();
    return id;
  };

  const [a, b, c, d, e] = documented;
  if (a) {
    const k = consent(a.id, { recipients: [ids.socialOrganisationId], sections: ["identity", "plan", "contacts"], from: 20, until: 345 });
    referral(a.id, k, { to: ids.socialOrganisationId, sections: ["identity", "plan"], sentDaysAgo: 2, status: "sent" });
  }
  if (b) {
    const k = consent(b.id, { recipients: [ids.socialOrganisationId, ids.employmentOrganisationId], sections: ["identity", "plan"], from: 60, until: 300 });
    const r = referral(b.id, k, {
      to: ids.employmentOrganisationId,
      sections: ["identity", "plan"],
      sentDaysAgo: 45,
      status: "accepted",
      extra: {
        receivedAt: at(44),
        decidedAt: at(40),
        decidedByMembershipId: ids.employmentMembershipId,
        responsibleMembershipId: ids.employmentMembershipId,
        acceptedIntervention: "Rusta och matcha, 12 veckor",
        acceptedStartDate: addDays(ids.today, -30),
        acceptedEndDate: addDays(ids.today, 54),
      },
    });
    tx.insert(referralFeedback)
      .values({
        referralId: r,
        authorMembershipId: ids.employmentMembershipId,
        text: "Ungdomen har börjat och kommer regelbundet. Vi stämmer av igen om en månad.",
        createdAt: at(10),
      })
      .run();
  }
  if (c) {
    const k = consent(c.id, { recipients: [ids.socialOrganisationId], sections: ["plan"], from: 90, until: 275, withdrawn: 12 });
    referral(c.id, k, {
      to: ids.socialOrganisationId,
      sections: ["plan"],
      sentDaysAgo: 80,
      status: "revoked",
      extra: { revokedAt: at(12), revokedByMembershipId: ids.kaaMembershipId, revokeReason: `Samtycket återkallades ${addDays(ids.today, -12)}.` },
    });
  }
  if (d) {
    const k = consent(d.id, { recipients: [ids.socialOrganisationId], sections: ["identity", "plan"], from: 370, until: -5 });
    referral(d.id, k, {
      to: ids.socialOrganisationId,
      sections: ["identity", "plan"],
      sentDaysAgo: 300,
      status: "closed",
      extra: {
        receivedAt: at(299),
        decidedAt: at(295),
        decidedByMembershipId: ids.socialMembershipId,
        responsibleMembershipId: ids.socialMembershipId,
        acceptedIntervention: "Stödsamtal",
        closedAt: at(200),
        outcome: "Stödsamtalen avslutades när ungdomen började på Komvux.",
      },
    });
  }
  if (e) {
    const k = consent(e.id, { recipients: [ids.employmentOrganisationId], sections: ["identity", "plan"], from: 30, until: 335 });
    referral(e.id, k, {
      to: ids.employmentOrganisationId,
      sections: ["identity"],
      sentDaysAgo: 25,
      status: "declined",
      extra: {
        receivedAt: at(24),
        decidedAt: at(22),
        decidedByMembershipId: ids.employmentMembershipId,
        declineReason: "Ungdomen är inte inskriven hos Arbetsförmedlingen. Ungdomen behöver först skriva in sig.",
      },
    });
  }

  // Orosanmälningar: one from the KAA unit (opened), one from a school (not yet opened).
  const minor = tx
    .select()
    .from(youths)
    .where(and(eq(youths.homeMunicipalityId, ids.municipalityId), lt(youths.birthDate, addDays(ids.today, -16 * 365)), isNotNull(youths.id)))
    .orderBy(youths.birthDate)
    .all()
    .find((y) => y.birthDate > addDays(ids.today, -17 * 365));
  if (minor) {
    const report = {
      personalNumber: minor.personalNumber,
      firstName: minor.firstName,
      lastName: minor.lastName,
      homeMunicipalityId: ids.municipalityId,
      recipientOrganisationId: ids.socialOrganisationId,
    };
    tx.insert(concernReports)
      .values({
        ...report,
        youthId: minor.id,
        reporterMembershipId: ids.kaaMembershipId,
        reporterOrganisationId: ids.kaaOrganisationId,
        observed: "Vid hembesöket berättade ungdomen att hen ofta är ensam hemma i flera dagar.",
        observedWhen: addDays(ids.today, -8),
        createdAt: at(8),
        receivedAt: at(7),
        receivedByMembershipId: ids.socialMembershipId,
      })
      .run();
    tx.insert(concernReports)
      .values({
        ...report,
        youthId: null,
        reporterMembershipId: ids.schoolMembershipId,
        reporterOrganisationId: ids.schoolOrganisationId,
        reporterPhone: "0380-51 80 00",
        observed: "Eleven har kommit till skolan hungrig flera dagar i rad och säger att det inte finns mat hemma.",
        observedWhen: addDays(ids.today, -1),
        createdAt: at(1),
      })
      .run();
  }
}
