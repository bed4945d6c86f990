import { z } from "zod";
import { checkbox, optionalText, requiredText } from "~/lib/form-fields";
import { IDENTIFIER_MESSAGE, looksIdentifying } from "./case-item-consent";

/** Agenda text is shown to every participant and may be printed: never a personnummer. */
const title = () => requiredText("punktens rubrik", 200).refine((v) => !looksIdentifying(v), IDENTIFIER_MESSAGE);
const description = () => optionalText(1000).refine((v) => !looksIdentifying(v), IDENTIFIER_MESSAGE);

const minutesField = () =>
  z.coerce.number({ error: "Ange antal minuter." }).int("Ange ett heltal.").min(0, "Ange 0 eller fler minuter.").max(600, "Högst 600 minuter.");

const optionalParticipant = () =>
  z
    .union([z.literal(""), z.coerce.number().int().positive()])
    .optional()
    .transform((v) => (v ? Number(v) : null));

/** The kinds a person chooses; case items and follow-ups have their own flows. */
export const MANUAL_AGENDA_KINDS = ["information", "decision", "discussion", "key_figures", "goals"] as const;

export const agendaItemSchema = z.object({
  title: title(),
  kind: z.enum(MANUAL_AGENDA_KINDS, { error: "Välj typ av punkt." }),
  presenterParticipantId: optionalParticipant(),
  minutesAllotted: minutesField(),
  description: description(),
});
export type AgendaItemInput = z.output<typeof agendaItemSchema>;

/** Editing an item keeps its kind (a case item stays a case item). */
export const agendaItemEditSchema = agendaItemSchema.omit({ kind: true });
export type AgendaItemEditInput = z.output<typeof agendaItemEditSchema>;

/**
 * A case item. In "link" mode it names a youth by personnummer (sent in the body, never in a URL)
 * and shows the chosen sections; in "anonymised" mode it is free text, confirmed to hold nothing
 * that identifies the youth.
 */
export const caseItemSchema = z
  .object({
    mode: z.enum(["link", "anonymised"]).default("link"),
    title: title(),
    description: description(),
    personalNumber: optionalText(20),
    showIdentity: checkbox(),
    showPlan: checkbox(),
    presenterParticipantId: optionalParticipant(),
    minutesAllotted: minutesField(),
    confirmAnonymous: checkbox(),
  })
  .superRefine((v, ctx) => {
    if (v.mode === "link") {
      if (!v.personalNumber) ctx.addIssue({ code: "custom", path: ["personalNumber"], message: "Ange ungdomens personnummer." });
      if (!v.showIdentity && !v.showPlan) ctx.addIssue({ code: "custom", path: ["showIdentity"], message: "Välj vad punkten ska visa om ungdomen." });
    } else if (!v.confirmAnonymous) {
      ctx.addIssue({ code: "custom", path: ["confirmAnonymous"], message: "Bekräfta att texten inte kan identifiera ungdomen." });
    }
  });
export type CaseItemInput = z.output<typeof caseItemSchema>;

/** The buttons of the meeting page. */
export const meetingIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("move"), itemId: z.coerce.number().int().positive(), direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("withdraw"), itemId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("accept"), itemId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("decline"), itemId: z.coerce.number().int().positive(), declineReason: requiredText("varför förslaget avböjs", 300) }),
  z.object({ intent: z.literal("complete-action"), actionItemId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("send-agenda") }),
  z.object({ intent: z.literal("resend-failed") }),
  z.object({ intent: z.literal("mark-held") }),
]);
export type MeetingIntent = z.output<typeof meetingIntentSchema>;
