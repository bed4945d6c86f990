import fs from "node:fs";
import path from "node:path";
import { makePersonalNumber } from "../../app/modules/youth/personal-number";
import type { APIRequestContext } from "@playwright/test";
import { signInCitizenRequest, youthIdOf } from "./citizen";
import { expect, test } from "./fixtures";
import {
  STEERING_GROUP,
  WORKING_GROUP,
  forumId,
  seededMeetingId,
  consentId,
  consentYouth,
  kaaConcernReportId,
  nassjoIntervention,
  nassjoEnrollment,
  nassjoInterventionTypeId,
  nassjoGoalId,
  nassjoNoticeId,
  schoolNoticeId,
  nassjoYouthId,
  staffProviderId,
  referralTo,
  organisationOf,
  schoolListOf,
  signInRequest,
  userId,
  annualReportId,
  schoolSystemConnectionId,
  nassjoScbExportId,
  drawNassjoSample,
  nassjoSampleId,
  auditorGrantId,
  reviewSampleId,
} from "./helpers";
import { previousPeriod, scbHalfYearOf } from "../../app/modules/statistics/periods";

/**
 * Every route of the app × every demo role → the status it must answer (redirects not followed).
 * A route file without a row here fails the first test: new routes must decide who may open them.
 */
const SCHOOL_LIST_PN = makePersonalNumber(`${new Date().getFullYear() - 16}-04-04`, 404);

const ROLES = {
  anonymous: null,
  coordinator: "samordnare@demo.example",
  caseworker: "handlaggare@demo.example",
  otherKaa: "kaa-jonkoping@demo.example",
  school: "skola@demo.example",
  social: "socialtjanst@demo.example",
  employment: "arbetsformedlingen@demo.example",
  steering: "styrgrupp@demo.example",
  admin: "admin@demo.example",
  auditor: "granskare@demo.example",
} as const;
/** Youths and guardians on Mina sidor, signed in with the demo e-legitimation: Noah (17) and his guardian Anna. */
const CITIZENS = { youth: "noah", guardian: "anna" } as const;
type StaffRoleName = keyof typeof ROLES;
type RoleName = StaffRoleName | keyof typeof CITIZENS;
type Expected = Record<RoleName, number>;

const all = (status: number, overrides: Partial<Expected> = {}): Expected => ({
  anonymous: status,
  coordinator: status,
  caseworker: status,
  otherKaa: status,
  school: status,
  social: status,
  employment: status,
  steering: status,
  admin: status,
  auditor: status,
  youth: status,
  guardian: status,
  ...overrides,
});
/** Signed-in pages: anonymous visitors are sent to sign-in. */
/** Signed-in pages: anonymous visitors are sent to sign-in; a youth or guardian to Mina sidor (staff pages are not theirs). */
const signedIn = (status: number, overrides: Partial<Expected> = {}) => all(status, { anonymous: 302, youth: 302, guardian: 302, ...overrides });
const kaaOnly = signedIn(403, { coordinator: 200, caseworker: 200, otherKaa: 200 });
// Youth data: only the home municipality's KAA unit; everyone else gets the same 404.
const homeKaaYouth = signedIn(404, { coordinator: 200, caseworker: 200 });
// Mina sidor: staff are refused; the youth and guardian columns are the lead's (citizen sign-in).
// Mina sidor of a youth who is not Noah: staff 403, and Noah and his guardian the same 404 as a youth that does
// not exist (logged not_own_file): a youth can never reach another youth's data.
const citizenOnly = signedIn(403, { youth: 404, guardian: 404 });
const adminOnly = signedIn(403, { admin: 200 });
const schoolOnly = signedIn(403, { school: 200 });
// A notice: the home municipality's KAA unit; another KAA unit gets the same 404 as a missing one.
const homeKaaNotice = signedIn(403, { coordinator: 200, caseworker: 200, otherKaa: 404 });
// The school's own notice: that school only; another school's notice is the same 404 as a missing one.
const ownSchoolNotice = schoolOnly;
const otherSchoolNotice = signedIn(403, { school: 404 });

// Referrals: the KAA unit that sent them, and the recipient (socialtjänsten here); everyone else the same 404.
// The systemförvaltare and the granskare have no referral pages at all (403, which tells nothing about a referral).
const referralRoles = signedIn(404, { coordinator: 200, caseworker: 200, social: 200, steering: 403, admin: 403, auditor: 403 });
// The consent-scoped view: socialtjänsten with a consent in force; KAA staff are sent to the youth page.
const sharedWithSocial = signedIn(404, { coordinator: 302, caseworker: 302, otherKaa: 302, social: 200 });
const sharedWithNobody = signedIn(404, { coordinator: 302, caseworker: 302, otherKaa: 302 });
// Samverkan: forum members only; anyone else gets the same 404 as for a forum that does not exist.
// The styrgrupp: Per Holm (chair) and the samordnare. The arbetsgrupp: the samordnare (chair), the
// caseworker (secretary), socialtjänsten and Arbetsförmedlingen.
// The systemförvaltare and the granskare sit in no forum: 403 on every forum page.
const steeringMembers = signedIn(404, { coordinator: 200, steering: 200, admin: 403, auditor: 403 });
const workingGroupMembers = signedIn(404, { coordinator: 200, caseworker: 200, social: 200, employment: 200, admin: 403, auditor: 403 });
// Members who are neither chair nor secretary may not plan: 403, not 404.
const workingGroupPlanners = { ...workingGroupMembers, social: 403, employment: 403 };
const steeringMeeting = () => `/samverkan/moten/${seededMeetingId(STEERING_GROUP, "planned")}`;
const workingMeeting = () => `/samverkan/moten/${seededMeetingId(WORKING_GROUP, "planned")}`;

// The follow-up's readers: the KAA unit (any municipality's, for its own) and the styrgrupp.
const followUpReaders = signedIn(404, { coordinator: 200, caseworker: 200, otherKaa: 200, steering: 200 });
// Nässjö's approved annual report: its KAA unit and styrgrupp; a draft: its KAA unit only.
const approvedReportReaders = signedIn(404, { coordinator: 200, caseworker: 200, steering: 200 });
const draftReportReaders = signedIn(404, { coordinator: 200, caseworker: 200 });
const LAST_YEAR = new Date().getFullYear() - 1;
// School lists: the school and the samordnare upload; a list's rows only to its own organisation (the
// samordnare sees that the school's list exists, never its rows: the same 404 as a missing list).
const schoolListUploaders = signedIn(403, { coordinator: 200, school: 200 });
// The stickprov is the samordnare's internal control; a sample of another municipality is the same 404 as a missing one.
const samordnareOnly = signedIn(403, { coordinator: 200 });
const ownSchoolList = signedIn(403, { coordinator: 404, school: 200 });
const granskareOnly = signedIn(403, { auditor: 200 });
const granskareRefused = signedIn(403, { auditor: 404 });

const MATRIX: Record<string, { path: () => string; expected: Expected }> = {
  "routes/_index": { path: () => "/", expected: all(302) },
  "routes/logga-in": { path: () => "/logga-in", expected: all(302, { anonymous: 200 }) },
  "routes/logga-ut": { path: () => "/logga-ut", expected: all(302) },
  // Mina sidor's sign-in is open to everyone (a staff session ends when a citizen signs in in that browser; a
  // signed-in youth or guardian is sent on to their pages);
  // its start, callback and sign-out only ever redirect.
  "routes/mina-sidor_.logga-in._index": { path: () => "/mina-sidor/logga-in", expected: all(200, { youth: 302, guardian: 302 }) },
  "routes/mina-sidor_.logga-in.start": { path: () => "/mina-sidor/logga-in/start", expected: all(302) },
  "routes/mina-sidor_.logga-in.retur": { path: () => "/mina-sidor/logga-in/retur", expected: all(302) },
  "routes/mina-sidor_.logga-ut": { path: () => "/mina-sidor/logga-ut", expected: all(302) },
  "routes/mina-sidor_.inga-uppgifter": { path: () => "/mina-sidor/inga-uppgifter", expected: all(200) },
  // Off to the municipality's sign-in, whoever asks (not nested under /logga-in, which sends the signed-in away);
  // the way back refuses a browser that did not start there.
  "routes/logga-in_.sso.$providerId": { path: () => `/logga-in/sso/${staffProviderId("0682")}`, expected: all(302) },
  "routes/logga-in_.sso.retur": { path: () => "/logga-in/sso/retur", expected: all(403) },
  "routes/valj-roll": { path: () => "/valj-roll", expected: signedIn(200) },
  "routes/konto.losenord": { path: () => "/konto/losenord", expected: signedIn(200) },
  // The second step of a password sign-in needs a sign-in in progress (its own cookie): without one, back to sign-in.
  "routes/logga-in_.tvastegsverifiering": { path: () => "/logga-in/tvastegsverifiering", expected: all(302) },
  // Without a sign-in in progress the page only says so (it also shows the recovery codes after the enrolment).
  "routes/logga-in_.tvastegsverifiering_.aktivera": { path: () => "/logga-in/tvastegsverifiering/aktivera", expected: all(200) },
  "routes/konto.tvastegsverifiering": { path: () => "/konto/tvastegsverifiering", expected: signedIn(200) },
  // Step-up: an SSO session is sent to its provider; the systemförvaltare (password, no factor required) confirms here.
  "routes/konto.bekrafta": { path: () => "/konto/bekrafta?redirectTo=/start", expected: signedIn(302, { admin: 200 }) },
  "routes/start": { path: () => "/start", expected: signedIn(200) },
  "routes/ungdomar._index": { path: () => "/ungdomar", expected: kaaOnly },
  "routes/ungdomar.ny": { path: () => "/ungdomar/ny", expected: kaaOnly },
  "routes/ungdomar.$youthId._index": { path: () => `/ungdomar/${nassjoYouthId()}`, expected: homeKaaYouth },
  "routes/ungdomar.$youthId.redigera": { path: () => `/ungdomar/${nassjoYouthId()}/redigera`, expected: homeKaaYouth },
  "routes/loggkontroll": { path: () => "/loggkontroll", expected: signedIn(403, { coordinator: 200 }) },
  "routes/ungdomar.$youthId.kontakt": { path: () => `/ungdomar/${nassjoYouthId()}/kontakt`, expected: homeKaaYouth },
  "routes/ungdomar.$youthId.inskrivning": { path: () => `/ungdomar/${nassjoYouthId()}/inskrivning`, expected: homeKaaYouth },
  "routes/ungdomar.$youthId.scb.$enrollmentId": {
    path: () => `/ungdomar/${nassjoEnrollment().youthId}/scb/${nassjoEnrollment().id}`,
    expected: homeKaaYouth,
  },
  "routes/ungdomar.$youthId.brev.$mall": { path: () => `/ungdomar/${nassjoYouthId()}/brev/forsta-brev`, expected: homeKaaYouth },
  "routes/ungdomar.$youthId.kartlaggning": { path: () => `/ungdomar/${nassjoYouthId()}/kartlaggning`, expected: homeKaaYouth },
  "routes/ungdomar.$youthId.plan._index": { path: () => `/ungdomar/${nassjoYouthId()}/plan`, expected: homeKaaYouth },
  "routes/ungdomar.$youthId.mognad": { path: () => `/ungdomar/${nassjoYouthId()}/mognad`, expected: homeKaaYouth },
  // Mina sidor: youths and guardians only; staff get 403, anonymous visitors are sent to the e-legitimation page.
  // One file each: straight on to it.
  "routes/mina-sidor._index": { path: () => "/mina-sidor", expected: signedIn(403, { youth: 302, guardian: 302 }) },
  "routes/mina-sidor.$youthId._index": { path: () => `/mina-sidor/${nassjoYouthId()}`, expected: citizenOnly },
  "routes/mina-sidor.$youthId.plan": { path: () => `/mina-sidor/${nassjoYouthId()}/plan`, expected: citizenOnly },
  "routes/ungdomar.$youthId.plan.utskrift": { path: () => `/ungdomar/${nassjoYouthId()}/plan/utskrift`, expected: homeKaaYouth },
  "routes/ungdomar.$youthId.insatser.ny": { path: () => `/ungdomar/${nassjoYouthId()}/insatser/ny`, expected: homeKaaYouth },
  "routes/ungdomar.$youthId.insatser.$interventionId": {
    path: () => `/ungdomar/${nassjoIntervention().youthId}/insatser/${nassjoIntervention().id}`,
    expected: homeKaaYouth,
  },
  "routes/dokumentation": { path: () => "/dokumentation", expected: kaaOnly },
  "routes/insatstyper": { path: () => "/insatstyper", expected: kaaOnly },
  "routes/att-gora": { path: () => "/att-gora", expected: kaaOnly },
  "routes/ungdomar.$youthId.samtycken._index": { path: () => `/ungdomar/${consentYouth("active")}/samtycken`, expected: homeKaaYouth },
  "routes/ungdomar.$youthId.samtycken.$consentId": {
    path: () => `/ungdomar/${consentYouth("active")}/samtycken/${consentId(consentYouth("active"))}`,
    expected: homeKaaYouth,
  },
  "routes/ungdomar.$youthId.samtycken.forfragan": { path: () => `/ungdomar/${consentYouth("active")}/samtycken/forfragan`, expected: homeKaaYouth },
  // Mina sidor: for youths and guardians signed in with e-legitimation; staff are refused (403), whatever the youth.
  "routes/mina-sidor.$youthId.samtycken._index": { path: () => `/mina-sidor/${consentYouth("active")}/samtycken`, expected: citizenOnly },
  "routes/mina-sidor.$youthId.samtycken.$consentId": {
    path: () => `/mina-sidor/${consentYouth("active")}/samtycken/${consentId(consentYouth("active"))}`,
    expected: citizenOnly,
  },
  "routes/mina-sidor.$youthId.samtycken.forfragan.$requestId": {
    path: () => `/mina-sidor/${consentYouth("active")}/samtycken/forfragan/1`,
    expected: citizenOnly,
  },
  "routes/mina-sidor.$youthId.registerutdrag": { path: () => `/mina-sidor/${nassjoYouthId()}/registerutdrag`, expected: citizenOnly },
  "routes/ungdomar.$youthId.remisser.ny": { path: () => `/ungdomar/${consentYouth("active")}/remisser/ny`, expected: homeKaaYouth },
  "routes/remisser._index": { path: () => "/remisser", expected: signedIn(200, { steering: 403, admin: 403, auditor: 403 }) },
  "routes/remisser.$referralId": { path: () => `/remisser/${referralTo("open")}`, expected: referralRoles },
  "routes/delat.$youthId": { path: () => `/delat/${consentYouth("active")}`, expected: sharedWithSocial },
  "routes/orosanmalningar._index": {
    path: () => "/orosanmalningar",
    expected: signedIn(403, { coordinator: 200, caseworker: 200, otherKaa: 200, school: 200, social: 200 }),
  },
  "routes/orosanmalningar.ny": {
    path: () => "/orosanmalningar/ny",
    expected: signedIn(403, { coordinator: 200, caseworker: 200, otherKaa: 200, school: 200 }),
  },
  "routes/orosanmalningar.$reportId": {
    path: () => `/orosanmalningar/${kaaConcernReportId()}`,
    expected: signedIn(404, { coordinator: 200, caseworker: 200, social: 200 }),
  },
  "routes/loggkontroll[.]csv": { path: () => "/loggkontroll.csv", expected: signedIn(403, { coordinator: 200 }) },
  // The population-register extract: only the samordnare starts it and sets its schedule.
  "routes/malgrupp.folkbokforing": { path: () => "/malgrupp/folkbokforing", expected: signedIn(403, { coordinator: 200 }) },
  "routes/kontaktrutin": { path: () => "/kontaktrutin", expected: kaaOnly },
  "routes/kontaktuppgifter": { path: () => "/kontaktuppgifter", expected: kaaOnly },
  // The reconciliation is the samordnare's (it reads the whole extract and changes the register in bulk).
  "routes/malgrupp._index": { path: () => "/malgrupp", expected: signedIn(403, { coordinator: 200 }) },
  "routes/malgrupp.installningar": { path: () => "/malgrupp/installningar", expected: signedIn(403, { coordinator: 200 }) },
  "routes/inkorg._index": { path: () => "/inkorg", expected: kaaOnly },
  "routes/inkorg.$noticeId": { path: () => `/inkorg/${nassjoNoticeId()}`, expected: homeKaaNotice },
  "routes/anmalningar._index": { path: () => "/anmalningar", expected: schoolOnly },
  "routes/anmalningar.ny": { path: () => "/anmalningar/ny", expected: schoolOnly },
  "routes/anmalningar.importera": { path: () => "/anmalningar/importera", expected: schoolOnly },
  "routes/anmalningar.mall[.]csv": { path: () => "/anmalningar/mall.csv", expected: schoolOnly },
  "routes/skollistor._index": { path: () => "/skollistor", expected: schoolListUploaders },
  "routes/skollistor.ny": { path: () => "/skollistor/ny", expected: schoolListUploaders },
  "routes/skollistor.mall[.]csv": { path: () => "/skollistor/mall.csv", expected: schoolListUploaders },
  "routes/skollistor.$listId": { path: () => `/skollistor/${schoolListOf("skola@demo.example")}`, expected: ownSchoolList },
  "routes/anmalningar.$noticeId._index": { path: () => `/anmalningar/${schoolNoticeId(true)}`, expected: ownSchoolNotice },
  "routes/anmalningar.$noticeId.andra": { path: () => `/anmalningar/${schoolNoticeId(true)}/andra`, expected: ownSchoolNotice },
  "routes/anmalningar.$noticeId.utskrift": { path: () => `/anmalningar/${schoolNoticeId(true)}/utskrift`, expected: ownSchoolNotice },
  "routes/admin.kommuner": { path: () => "/admin/kommuner", expected: adminOnly },
  "routes/admin.organisationer._index": { path: () => "/admin/organisationer", expected: adminOnly },
  "routes/admin.organisationer.ny": { path: () => "/admin/organisationer/ny", expected: adminOnly },
  "routes/admin.organisationer.$organisationId": { path: () => `/admin/organisationer/${organisationOf(ROLES.social)}`, expected: adminOnly },
  "routes/admin.anvandare._index": { path: () => "/admin/anvandare", expected: adminOnly },
  "routes/admin.anvandare.ny": { path: () => "/admin/anvandare/ny", expected: adminOnly },
  "routes/admin.anvandare.$userId": { path: () => `/admin/anvandare/${userId("skola@demo.example")}`, expected: adminOnly },
  "routes/admin.anvandare.$userId_.tvastegsverifiering": {
    path: () => `/admin/anvandare/${userId("skola@demo.example")}/tvastegsverifiering`,
    expected: adminOnly,
  },
  "routes/admin.tvastegsverifiering": { path: () => "/admin/tvastegsverifiering", expected: adminOnly },
  "routes/admin.anvandare.$userId.inloggning": {
    path: () => `/admin/anvandare/${userId("skola@demo.example")}/inloggning`,
    expected: signedIn(403, { admin: 302 }),
  },
  "routes/admin.inloggning": { path: () => "/admin/inloggning", expected: adminOnly },
  "routes/admin.skolsystem._index": { path: () => "/admin/skolsystem", expected: adminOnly },
  "routes/admin.skolsystem.ny": { path: () => "/admin/skolsystem/ny", expected: adminOnly },
  "routes/admin.skolsystem.$connectionId": { path: () => `/admin/skolsystem/${schoolSystemConnectionId()}`, expected: adminOnly },
  // The follow-up: the KAA unit and the styrgrupp; schools, socialtjänsten, Arbetsförmedlingen and the
  // systemförvaltare get the same 404 as for a page that does not exist.
  // Annual reports and exports: the same readers as the follow-up; a report only in its own municipality.
  "routes/uppfoljning_.export[.]csv": { path: () => `/uppfoljning/export.csv?period=ar-${LAST_YEAR}`, expected: followUpReaders },
  "routes/uppfoljning_.export[.]xlsx": { path: () => `/uppfoljning/export.xlsx?period=ar-${LAST_YEAR}`, expected: followUpReaders },
  "routes/uppfoljning_.arsrapport._index": { path: () => "/uppfoljning/arsrapport", expected: followUpReaders },
  "routes/uppfoljning_.arsrapport.$reportId._index": { path: () => `/uppfoljning/arsrapport/${annualReportId("approved")}`, expected: approvedReportReaders },
  "routes/uppfoljning_.arsrapport.$reportId.utskrift": {
    path: () => `/uppfoljning/arsrapport/${annualReportId("approved")}/utskrift`,
    expected: approvedReportReaders,
  },
  "routes/uppfoljning_.arsrapport.$reportId.export[.]csv": {
    path: () => `/uppfoljning/arsrapport/${annualReportId("approved")}/export.csv`,
    expected: approvedReportReaders,
  },
  "routes/uppfoljning_.arsrapport.$reportId.export[.]xlsx": {
    path: () => `/uppfoljning/arsrapport/${annualReportId("approved")}/export.xlsx`,
    expected: approvedReportReaders,
  },
  "routes/uppfoljning.stickprov._index": { path: () => "/uppfoljning/stickprov", expected: samordnareOnly },
  "routes/uppfoljning.stickprov.$sampleId._index": { path: () => `/uppfoljning/stickprov/${nassjoSampleId()}`, expected: samordnareOnly },
  "routes/uppfoljning.stickprov.$sampleId.utskrift": { path: () => `/uppfoljning/stickprov/${nassjoSampleId()}/utskrift?anonym=1`, expected: samordnareOnly },
  "routes/uppfoljning.stickprov.$sampleId.export[.]csv": { path: () => `/uppfoljning/stickprov/${nassjoSampleId()}/export.csv`, expected: samordnareOnly },
  // Where people look for figures first: a redirect for everyone, which tells nothing; /uppfoljning decides.
  "routes/statistik": { path: () => "/statistik", expected: all(301) },
  "routes/uppfoljning._index": { path: () => "/uppfoljning", expected: signedIn(404, { coordinator: 200, caseworker: 200, otherKaa: 200, steering: 200 }) },
  // Goals and the handlingsplan: whoever reads the follow-up; a goal only in its own municipality.
  "routes/uppfoljning.mal._index": {
    path: () => "/uppfoljning/mal",
    expected: signedIn(404, { coordinator: 200, caseworker: 200, otherKaa: 200, steering: 200 }),
  },
  "routes/uppfoljning.mal.$goalId": {
    path: () => `/uppfoljning/mal/${nassjoGoalId()}`,
    expected: signedIn(404, { coordinator: 200, caseworker: 200, steering: 200 }),
  },
  "routes/uppfoljning.handlingsplan": {
    path: () => "/uppfoljning/handlingsplan",
    expected: signedIn(404, { coordinator: 200, caseworker: 200, otherKaa: 200, steering: 200 }),
  },
  // The SCB file is the samordnare's (the whole register, personnummer and all): everyone else 403.
  "routes/uppfoljning.scb._index": { path: () => "/uppfoljning/scb", expected: signedIn(403, { coordinator: 200 }) },
  "routes/uppfoljning.scb.$exportId[.]txt": { path: () => `/uppfoljning/scb/${nassjoScbExportId()}.txt`, expected: signedIn(403, { coordinator: 200 }) },
  "routes/uppfoljning.scb.$exportId[.]xlsx": { path: () => `/uppfoljning/scb/${nassjoScbExportId()}.xlsx`, expected: signedIn(403, { coordinator: 200 }) },
  "routes/uppfoljning_.insatser": {
    path: () => "/uppfoljning/insatser?period=ar-2025",
    expected: signedIn(404, { coordinator: 200, caseworker: 200, otherKaa: 200, steering: 200 }),
  },
  "routes/meddelanden": { path: () => "/meddelanden", expected: signedIn(200) },
  "routes/installningar.meddelanden": { path: () => "/installningar/meddelanden", expected: signedIn(200) },
  "routes/samverkan._index": { path: () => "/samverkan", expected: signedIn(200, { admin: 403, auditor: 403 }) },
  "routes/samverkan.nytt-forum": { path: () => "/samverkan/nytt-forum", expected: signedIn(403, { coordinator: 200 }) },
  "routes/samverkan.forum.$forumId._index": { path: () => `/samverkan/forum/${forumId(STEERING_GROUP)}`, expected: steeringMembers },
  "routes/samverkan.forum.$forumId.medlemmar": { path: () => `/samverkan/forum/${forumId(STEERING_GROUP)}/medlemmar`, expected: steeringMembers },
  "routes/samverkan.forum.$forumId.nytt-mote": { path: () => `/samverkan/forum/${forumId(WORKING_GROUP)}/nytt-mote`, expected: workingGroupPlanners },
  "routes/samverkan.moten.$meetingId._index": { path: workingMeeting, expected: workingGroupMembers },
  "routes/samverkan.moten.$meetingId.deltagare": { path: () => `${workingMeeting()}/deltagare`, expected: workingGroupPlanners },
  "routes/samverkan.moten.$meetingId.punkt": { path: () => `${workingMeeting()}/punkt`, expected: workingGroupMembers },
  "routes/samverkan.moten.$meetingId.arendepunkt": { path: () => `${workingMeeting()}/arendepunkt`, expected: workingGroupMembers },
  "routes/samverkan.moten.$meetingId.protokoll": {
    path: () => `/samverkan/moten/${seededMeetingId(WORKING_GROUP, "minutes_approved")}/protokoll`,
    expected: workingGroupMembers,
  },
  "routes/samverkan.moten.$meetingId.utskrift.dagordning": { path: () => `${steeringMeeting()}/utskrift/dagordning`, expected: steeringMembers },
  "routes/samverkan.moten.$meetingId.utskrift.protokoll": {
    path: () => `/samverkan/moten/${seededMeetingId(STEERING_GROUP, "minutes_approved")}/utskrift/protokoll`,
    expected: steeringMembers,
  },
  "routes/samverkan.moten.$meetingId.kalender[.]ics": { path: () => `${steeringMeeting()}/kalender.ics`, expected: steeringMembers },
  // Internal control (issue 15): the granskare reads the cases of a stickprov while its grant is in force;
  // the samordnare gives and revokes grants. Anyone else's grant, or one run out, is the same 404.
  "routes/granskning._index": { path: () => "/granskning", expected: granskareOnly },
  "routes/granskning.$grantId._index": { path: () => `/granskning/${auditorGrantId("in_force")}`, expected: granskareOnly },
  "routes/granskning.$grantId.$position": { path: () => `/granskning/${auditorGrantId("in_force")}/1`, expected: granskareOnly },
  "routes/uppfoljning.stickprov.$sampleId_.granskare": {
    path: () => `/uppfoljning/stickprov/${reviewSampleId("granted")}/granskare`,
    expected: signedIn(403, { coordinator: 200 }),
  },
};

/**
 * The routes that open youth data by consent, again with the consent withdrawn or absent: the
 * recipient then gets the same 404 as for a youth that does not exist (its own referral shows a bare
 * "no longer available").
 */
const CONSENT_VARIANTS: Record<string, { path: () => string; expected: Expected }> = {
  "routes/delat.$youthId (samtycke återkallat)": { path: () => `/delat/${consentYouth("withdrawn")}`, expected: sharedWithNobody },
  "routes/delat.$youthId (inget samtycke)": { path: () => `/delat/${consentYouth("none")}`, expected: sharedWithNobody },
  "routes/remisser.$referralId (samtycke återkallat)": { path: () => `/remisser/${referralTo("revoked")}`, expected: referralRoles },
  "routes/remisser.$referralId (samtycke utgånget)": { path: () => `/remisser/${referralTo("closed")}`, expected: referralRoles },
  "routes/ungdomar.$youthId._index (inget samtycke)": { path: () => `/ungdomar/${consentYouth("none")}`, expected: homeKaaYouth },
  "routes/ungdomar.$youthId._index (samtycke finns)": { path: () => `/ungdomar/${consentYouth("active")}`, expected: homeKaaYouth },
};

/** A grant run out, a case number the stickprov does not have: the granskare gets the same 404 as for nothing at all. */
const REVIEW_VARIANTS: Record<string, { path: () => string; expected: Expected }> = {
  "routes/granskning.$grantId._index (utgången)": { path: () => `/granskning/${auditorGrantId("expired")}`, expected: granskareRefused },
  "routes/granskning.$grantId.$position (utgången)": { path: () => `/granskning/${auditorGrantId("expired")}/1`, expected: granskareRefused },
  "routes/granskning.$grantId.$position (inget sådant ärende)": { path: () => `/granskning/${auditorGrantId("in_force")}/999`, expected: granskareRefused },
  "routes/granskning.$grantId._index (finns inte)": { path: () => "/granskning/99999999", expected: granskareRefused },
};

/** Another school's notice: the demo school gets the same 404 as for a notice that does not exist. */
const OTHER_SCHOOL_VARIANTS: Record<string, { path: () => string; expected: Expected }> = {
  "routes/anmalningar.$noticeId._index (annan skolas)": { path: () => `/anmalningar/${schoolNoticeId(false)}`, expected: otherSchoolNotice },
  "routes/anmalningar.$noticeId.andra (annan skolas)": { path: () => `/anmalningar/${schoolNoticeId(false)}/andra`, expected: otherSchoolNotice },
  "routes/anmalningar.$noticeId.utskrift (annan skolas)": { path: () => `/anmalningar/${schoolNoticeId(false)}/utskrift`, expected: otherSchoolNotice },
  "routes/anmalningar.$noticeId._index (finns inte)": { path: () => "/anmalningar/99999999", expected: otherSchoolNotice },
};

/** An annual report still a draft: the styrgrupp gets the same 404 as for a report that does not exist. */
const DRAFT_VARIANTS: Record<string, { path: () => string; expected: Expected }> = {
  "routes/uppfoljning_.arsrapport.$reportId._index (utkast)": {
    path: () => `/uppfoljning/arsrapport/${annualReportId("draft")}`,
    expected: draftReportReaders,
  },
  "routes/uppfoljning_.arsrapport.$reportId.utskrift (utkast)": {
    path: () => `/uppfoljning/arsrapport/${annualReportId("draft")}/utskrift`,
    expected: draftReportReaders,
  },
  "routes/uppfoljning_.arsrapport.$reportId.export[.]xlsx (utkast)": {
    path: () => `/uppfoljning/arsrapport/${annualReportId("draft")}/export.xlsx`,
    expected: draftReportReaders,
  },
};

/** Noah's own pages: Noah and his guardian; the registerutdrag is the youth's alone. Elin's: neither of them. */
const ownFile = signedIn(403, { youth: 200, guardian: 200 });
const OWN_FILE_VARIANTS: Record<string, { path: () => string; expected: Expected }> = {
  "routes/mina-sidor.$youthId._index (egen)": { path: () => `/mina-sidor/${youthIdOf("noah")}`, expected: ownFile },
  "routes/mina-sidor.$youthId.plan (egen)": { path: () => `/mina-sidor/${youthIdOf("noah")}/plan`, expected: ownFile },
  "routes/mina-sidor.$youthId.samtycken._index (egen)": { path: () => `/mina-sidor/${youthIdOf("noah")}/samtycken`, expected: ownFile },
  "routes/mina-sidor.$youthId.registerutdrag (egen)": {
    path: () => `/mina-sidor/${youthIdOf("noah")}/registerutdrag`,
    expected: signedIn(403, { youth: 200, guardian: 404 }),
  },
  "routes/mina-sidor.$youthId.plan (annan demoungdom)": { path: () => `/mina-sidor/${youthIdOf("elin")}/plan`, expected: citizenOnly },
  "routes/mina-sidor.$youthId.registerutdrag (annan demoungdom)": { path: () => `/mina-sidor/${youthIdOf("elin")}/registerutdrag`, expected: citizenOnly },
};

const ROUTES_DIR = path.resolve("app/routes");
const routeFiles = fs
  .readdirSync(ROUTES_DIR)
  .filter((file) => /\.(tsx?|jsx?)$/.test(file) && !file.includes(".test."))
  .map((file) => ({ id: `routes/${file.replace(/\.(tsx?|jsx?)$/, "")}`, source: fs.readFileSync(path.join(ROUTES_DIR, file), "utf8") }));

// The seed has no school list: the school uploads one (each worker its own; the newest is current).
test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await signInRequest(request, baseURL!, "skola@demo.example");
  const response = await request.post("/skollistor/ny", {
    multipart: {
      lista: "year9",
      skola: String(organisationOf("skola@demo.example")),
      file: {
        name: "matris.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`Personnummer;Skolenhetskod;Skolform;Programkod;Startdatum;Slutdatum;Utfall\n${SCHOOL_LIST_PN};12345678;GR;;;;\n`),
      },
    },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  await request.dispose();
  // Nor has it a stickprov: the samordnare draws one.
  const coordinator = await playwright.request.newContext({ baseURL });
  await signInRequest(coordinator, baseURL!, "samordnare@demo.example");
  await drawNassjoSample(coordinator, baseURL!, "matris");
  // An SCB export of Nässjö for the download rows: the samordnare makes one for the last half-year that has ended.
  const today = new Date().toISOString().slice(0, 10);
  const lastEnded = previousPeriod(scbHalfYearOf(today));
  // The demo has records that fail the checks: accept the exceptions report of the check the page shows.
  const page = await (await coordinator.get(`/uppfoljning/scb?period=${lastEnded.value}`)).text();
  const kontrollsumma = /name="kontrollsumma" value="([0-9a-f]{64})"/.exec(page)?.[1];
  const made = await coordinator.post("/uppfoljning/scb?index", {
    form: { period: lastEnded.value, ...(kontrollsumma ? { godkann: "1", kontrollsumma } : {}) },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect(made.status()).toBe(302);
  await coordinator.dispose();
});

test("every route is in the authorisation matrix", () => {
  expect(routeFiles.map((r) => r.id).sort()).toEqual(Object.keys(MATRIX).sort());
});

type SignInAs = (request: APIRequestContext, baseURL: string) => Promise<unknown>;
const MATRIX_ROLES: [RoleName, SignInAs][] = [
  ...Object.entries(ROLES).map(([role, username]): [RoleName, SignInAs] => [role as StaffRoleName, async (r, b) => username && signInRequest(r, b, username)]),
  ...Object.entries(CITIZENS).map(([role, key]): [RoleName, SignInAs] => [role as RoleName, (r, b) => signInCitizenRequest(r, b, key)]),
];

for (const [role, signInAs] of MATRIX_ROLES) {
  test(`authorisation matrix for ${role}`, async ({ request, baseURL }) => {
    await signInAs(request, baseURL!);
    const actual: Record<string, number> = {};
    const expected: Record<string, number> = {};
    const entries = { ...MATRIX, ...CONSENT_VARIANTS, ...DRAFT_VARIANTS, ...OTHER_SCHOOL_VARIANTS, ...REVIEW_VARIANTS, ...OWN_FILE_VARIANTS };
    for (const [id, entry] of Object.entries(entries)) {
      const response = await request.get(entry.path(), { maxRedirects: 0 });
      actual[id] = response.status();
      expected[id] = entry.expected[role];
    }
    expect(actual).toEqual(expected);
  });
}

test("every route that accepts a POST refuses it from another origin with 403", async ({ request, baseURL }) => {
  await signInRequest(request, baseURL!, "samordnare@demo.example");
  const withActions = routeFiles.filter((r) => /export (async )?function action/.test(r.source));
  expect(withActions.length).toBeGreaterThan(5);
  for (const route of withActions) {
    const response = await request.post(MATRIX[route.id]!.path(), {
      form: { any: "thing" },
      headers: { Origin: "https://angripare.example" },
      maxRedirects: 0,
    });
    expect(response.status(), route.id).toBe(403);
  }
  expect((await request.get("/start", { maxRedirects: 0 })).status()).toBe(200);
});

/**
 * Writing a youth's documentation: only KAA staff of the home municipality. Everyone else gets the
 * same 404 as for a youth that does not exist, and nothing is written.
 */
test("only the home municipality's KAA unit can write the assessment, plan and interventions", async ({ playwright, baseURL }) => {
  // A youth with an open enrollment, so that the register keeper's writes succeed.
  const intervention = nassjoIntervention();
  const youthId = intervention.youthId;
  const today = new Date().toISOString().slice(0, 10);
  const writes: { path: string; form: Record<string, string> }[] = [
    { path: `/ungdomar/${youthId}/kartlaggning`, form: { date: today, occupation: "none", studiebevis: "unknown" } },
    { path: `/ungdomar/${youthId}/plan`, form: { goal: "Ett mål" } },
    {
      path: `/ungdomar/${youthId}/insatser/ny`,
      form: { typeId: String(nassjoInterventionTypeId()), responsibleParty: "youth", startDate: today, plannedEndDate: today },
    },
    { path: `/ungdomar/${intervention.youthId}/insatser/${intervention.id}?atgard=uppfoljning`, form: { dueDate: today } },
  ];
  const expected: Record<string, number> = { anonymous: 302, coordinator: 302, caseworker: 302 };
  for (const [role, username] of Object.entries(ROLES) as [RoleName, string | null][]) {
    const request = await playwright.request.newContext({ baseURL });
    if (username) await signInRequest(request, baseURL!, username);
    for (const write of writes) {
      const response = await request.post(write.path, { form: write.form, headers: { Origin: baseURL! }, maxRedirects: 0 });
      expect(response.status(), `${role} POST ${write.path}`).toBe(expected[role] ?? 404);
    }
    await request.dispose();
  }
});
