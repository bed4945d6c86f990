/**
 * The youth as another organisation (socialtjänsten, Arbetsförmedlingen …) may see it: exactly the
 * sections a consent in force names for the actor's organisation, nothing else, each read logged
 * with the consent it relied on. Without any such section the youth is a 404, as if missing.
 */
import { asc, desc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { contactAttempts, guardians, municipalities, organisations, referrals, type ConsentSection } from "#db/schema";
import { todayIso } from "~/lib/dates";
import { displayPersonalNumber, ageOn } from "~/modules/youth/personal-number";
import { consentGrounds } from "./consents.server";
import type { ConsentableSection, YouthFile } from "~/modules/access/gate.server";
import { noticesOfYouth } from "~/modules/notices/notices.server";
import { readAssessment, readPlan } from "~/modules/documentation/plans.server";
import { CONSENTABLE_SECTIONS } from "~/modules/access/policy";

export type SharedSection = { section: ConsentSection; consentId: number };

/** The shared view of a file opened by openSharedFile: only its consented sections are read. */
export function readSharedYouth(file: YouthFile<ConsentableSection>) {
  const { youth, id: youthId } = file;
  const today = todayIso();
  const shared: SharedSection[] = (CONSENTABLE_SECTIONS as ConsentSection[]).flatMap((section) => {
    const decision = file.decision(section);
    return decision?.allowed && decision.basis === "consent" ? [{ section, consentId: Number(decision.basisRef) }] : [];
  });
  const allowed = new Set(shared.map((s) => s.section));
  const db = getDb();
  // Name and personnummer go with whatever is shared: the recipient must know whom it is about.
  const header = {
    id: youth.id,
    name: `${youth.firstName} ${youth.lastName}`,
    personalNumber: displayPersonalNumber(youth.personalNumber),
    age: ageOn(youth.birthDate, today),
    homeMunicipalityName:
      db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, youth.homeMunicipalityId)).get()?.name ?? "",
  };
  const consentIds = new Set(shared.map((s) => s.consentId));
  const grounds = consentGrounds(file, consentIds).map((c) => ({
    id: c.id,
    purpose: c.purpose,
    givenBy: c.givenBy,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    sections: shared.filter((s) => s.consentId === c.id).map((s) => s.section),
  }));

  let identity = undefined;
  if (allowed.has("identity")) {
    // Skyddad identitet: no address, phone, e-mail or guardians leave the KAA unit, whatever the
    // consent says; contact goes through the unit.
    identity = youth.protectedIdentity
      ? {
          protectedIdentity: true as const,
          address: null,
          phone: null,
          email: null,
          guardians: [] as { name: string; phone: string | null; email: string | null }[],
        }
      : {
          protectedIdentity: false as const,
          address: { streetAddress: youth.streetAddress, postalCode: youth.postalCode, city: youth.city },
          phone: youth.phone,
          email: youth.email,
          guardians: db
            .select({ name: guardians.name, phone: guardians.phone, email: guardians.email })
            .from(guardians)
            .where(eq(guardians.youthId, youthId))
            .orderBy(asc(guardians.position))
            .all(),
        };
  }
  let contacts = undefined;
  if (allowed.has("contacts")) {
    contacts = db
      .select({
        id: contactAttempts.id,
        date: contactAttempts.date,
        channel: contactAttempts.channel,
        target: contactAttempts.target,
        outcome: contactAttempts.outcome,
        occupation: contactAttempts.occupation,
      })
      .from(contactAttempts)
      .where(eq(contactAttempts.youthId, youthId))
      .orderBy(desc(contactAttempts.date), desc(contactAttempts.id))
      .all();
  }
  const assessment = allowed.has("assessment") ? readAssessment(file).assessment : undefined;
  let plan = undefined;
  if (allowed.has("plan")) {
    const read = readPlan(file);
    plan = {
      goal: read.plan?.goal ?? null,
      madeWithYouth: read.plan?.madeWithYouth ?? false,
      // What the insatser are, who does them and when: not who in the KAA unit typed them in.
      interventions: read.interventions.map((i) => ({
        id: i.id,
        typeName: i.typeName,
        description: i.description,
        responsibleParty: i.responsibleParty,
        responsibleUnit: i.responsibleUnit,
        responsibleOrganisation: i.responsibleOrganisation,
        provider: i.provider,
        startDate: i.startDate,
        plannedEndDate: i.plannedEndDate,
        declinedDate: i.declinedDate,
        endDate: i.endDate,
        endReason: i.endReason,
        evaluationOutcome: i.evaluationOutcome,
        followUps: i.followUps.map((f) => ({ id: f.id, dueDate: f.dueDate, doneDate: f.doneDate })),
      })),
    };
  }
  const notices = allowed.has("notices")
    ? noticesOfYouth(file).map(({ id, kind, eventDate, programme, schoolName, createdAt }) => ({ id, kind, eventDate, programme, schoolName, createdAt }))
    : undefined;
  let otherReferrals = undefined;
  if (allowed.has("referrals")) {
    otherReferrals = db
      .select({ id: referrals.id, sentAt: referrals.sentAt, status: referrals.status, recipientName: organisations.name })
      .from(referrals)
      .innerJoin(organisations, eq(organisations.id, referrals.recipientOrganisationId))
      .where(eq(referrals.youthId, youthId))
      .orderBy(desc(referrals.sentAt))
      .all();
  }
  return { header, grounds, sections: shared.map((s) => s.section), identity, contacts, assessment, plan, notices, referrals: otherReferrals };
}
