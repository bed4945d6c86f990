/**
 * The forms of the assessment, the plan and its interventions: one zod schema each, used by the
 * form in the browser and again by the action on the server. Free-text fields are short and each
 * has one stated purpose: the register may hold only what Förordning 2006:39 allows.
 */
import { z } from "zod";
import { EVALUATION_OUTCOMES, INTERVENTION_END_REASONS, RESPONSIBLE_PARTIES, SCB_INTERVENTION_TYPES, STUDIEBEVIS_STATES } from "#db/schema/plan-values";
import { OCCUPATIONS } from "#db/schema/outreach-values";
import { checkbox, dateField, optionalDate, optionalId, optionalText, pastDate, requiredText } from "~/lib/form-fields";

export const assessmentSchema = z.object({
  date: pastDate("datum för kartläggningen"),
  occupation: z.enum(OCCUPATIONS, { error: "Välj ungdomens nuvarande sysselsättning." }),
  occupationNote: optionalText(150),
  completedGrades: optionalText(100),
  studiebevis: z.enum(STUDIEBEVIS_STATES, { error: "Välj om ungdomen har studiebevis." }),
  imHistory: optionalText(150),
  prerequisites: optionalText(300),
  needs: optionalText(300),
  youthWishes: optionalText(300),
  youthTookPart: checkbox(),
  guardianTookPart: checkbox(),
  otherParticipants: optionalText(100),
});
export type AssessmentInput = z.output<typeof assessmentSchema>;

export const planSchema = z
  .object({
    goal: requiredText("målet med insatserna", 500),
    madeWithYouth: checkbox(),
    madeWithYouthDate: optionalDate(),
    youthComment: optionalText(300),
    noYouthInterventionsReason: optionalText(200),
    noMunicipalityInterventionsReason: optionalText(200),
    noOtherActorInterventionsReason: optionalText(200),
  })
  .superRefine((v, ctx) => {
    if (v.madeWithYouth && !v.madeWithYouthDate) {
      ctx.addIssue({ code: "custom", path: ["madeWithYouthDate"], message: "Ange när planen gjordes tillsammans med ungdomen." });
    }
  });
export type PlanInput = z.output<typeof planSchema>;

/** The fields of an intervention that can be set when it is added and changed while it runs. */
export const interventionSchema = z
  .object({
    typeId: z.coerce.number({ error: "Välj typ av insats." }).int("Välj typ av insats.").positive("Välj typ av insats."),
    description: optionalText(200),
    responsibleParty: z.enum(RESPONSIBLE_PARTIES, { error: "Välj vem som ansvarar för insatsen." }),
    responsibleUnit: optionalText(100),
    responsibleOrganisationId: optionalId(),
    responsibleOrganisationName: optionalText(100),
    provider: optionalText(100),
    startDate: dateField("startdatum"),
    plannedEndDate: dateField("planerat slutdatum"),
    followUpDate: optionalDate(),
    // Set when the insats is the one a referral's recipient took on.
    referralId: optionalId(),
  })
  .superRefine((v, ctx) => {
    if (v.responsibleParty === "municipality" && !v.responsibleUnit) {
      ctx.addIssue({ code: "custom", path: ["responsibleUnit"], message: "Ange vilken enhet i kommunen som ansvarar, till exempel KAA-enheten." });
    }
    if (v.responsibleParty === "other_actor" && !v.responsibleOrganisationId && !v.responsibleOrganisationName) {
      ctx.addIssue({ code: "custom", path: ["responsibleOrganisationId"], message: "Välj organisationen som ansvarar, eller skriv dess namn." });
    }
    if (v.plannedEndDate < v.startDate) {
      ctx.addIssue({ code: "custom", path: ["plannedEndDate"], message: "Det planerade slutet kan inte ligga före starten." });
    }
    if (v.followUpDate && v.followUpDate < v.startDate) {
      ctx.addIssue({ code: "custom", path: ["followUpDate"], message: "Uppföljningen kan inte ligga före insatsens start." });
    }
  });
export type InterventionInput = z.output<typeof interventionSchema>;

/** SCB block 4: what the youth does after the åtgärd. "Okänt" is a choice, not what an empty field becomes. */
const occupationAfterField = z.enum(OCCUPATIONS, { error: "Ange sysselsättning efter insatsen (välj Okänt om ni inte vet)." });

/** Ending an intervention: the end reason, the evaluation against the goal and the occupation afterwards are required. */
export const interventionEndSchema = z.object({
  endDate: pastDate("slutdatum"),
  endReason: z.enum(INTERVENTION_END_REASONS, { error: "Välj orsaken till att insatsen avslutas." }),
  occupationAfter: occupationAfterField,
  evaluationOutcome: z.enum(EVALUATION_OUTCOMES, { error: "Välj hur väl målet uppnåddes." }),
  evaluationText: requiredText("en kort utvärdering", 500),
});
export type InterventionEndInput = z.output<typeof interventionEndSchema>;

/** Correcting the occupation after an insats that has ended. */
export const interventionOccupationSchema = z.object({ occupationAfter: occupationAfterField });
export type InterventionOccupationInput = z.output<typeof interventionOccupationSchema>;

export const interventionDeclineSchema = z.object({
  declinedDate: pastDate("datum då ungdomen tackade nej"),
  declinedNote: optionalText(200),
});
export type InterventionDeclineInput = z.output<typeof interventionDeclineSchema>;

export const followUpSchema = z.object({ dueDate: dateField("datum för uppföljningen") });

export const followUpDoneSchema = z.object({
  followUpId: z.coerce.number({ error: "Uppföljningen finns inte." }).int().positive(),
  doneDate: pastDate("datum då uppföljningen gjordes"),
  note: requiredText("vad uppföljningen visade", 300),
});
export type FollowUpDoneInput = z.output<typeof followUpDoneSchema>;

export const interventionTypeSchema = z.object({ name: requiredText("namnet på insatstypen", 80) });

/** The SCB kind of åtgärd of a catalogue type (block 3): required for a new type, changeable on any. */
export const interventionTypeScbSchema = z.object({ scbType: z.enum(SCB_INTERVENTION_TYPES, { error: "Välj SCB-typ för insatstypen." }) });
export const interventionTypeAddSchema = interventionTypeSchema.extend(interventionTypeScbSchema.shape);
