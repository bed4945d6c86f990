import { z } from "zod";
import { checkbox, idField, optionalText, requiredText } from "~/lib/form-fields";
import { dateField } from "~/lib/form-fields";
import { IDENTIFIER_MESSAGE, looksIdentifying } from "./case-item-consent";

/** Minutes are read by every participant and printed: never a personnummer in them. */
const minutesText = (max: number) => optionalText(max).refine((v) => !looksIdentifying(v), IDENTIFIER_MESSAGE);

const optionalId = () =>
  z
    .union([z.literal(""), z.coerce.number().int().positive()])
    .optional()
    .transform((v) => (v ? Number(v) : null));

export const notesField = (id: number) => `notes_${id}`;
export const decisionField = (id: number) => `decision_${id}`;
export const presentField = (id: number) => `present_${id}`;

/**
 * The minutes form of one meeting: notes and decision per agenda item, who was present, "övrigt"
 * and the justerare. Built from the meeting's items and participants, in the browser and on the
 * server alike, so both validate the same flat fields.
 */
export function minutesSchemaFor(itemIds: readonly number[], participantIds: readonly number[]) {
  const shape: Record<string, z.ZodType> = {
    minutesNote: minutesText(4000),
    adjusterMembershipId: optionalId(),
  };
  for (const id of itemIds) {
    shape[notesField(id)] = minutesText(4000);
    shape[decisionField(id)] = minutesText(2000);
  }
  for (const id of participantIds) shape[presentField(id)] = checkbox();
  return z.object(shape);
}

export type MinutesInput = {
  minutesNote: string | undefined;
  adjusterMembershipId: number | null;
  items: { id: number; notes: string | undefined; decision: string | undefined }[];
  present: number[];
};

/** The flat form values as the minutes module takes them. */
export function minutesInput(data: Record<string, unknown>, itemIds: readonly number[], participantIds: readonly number[]): MinutesInput {
  return {
    minutesNote: data.minutesNote as string | undefined,
    adjusterMembershipId: (data.adjusterMembershipId as number | null) ?? null,
    items: itemIds.map((id) => ({ id, notes: data[notesField(id)] as string | undefined, decision: data[decisionField(id)] as string | undefined })),
    present: participantIds.filter((id) => data[presentField(id)] === true),
  };
}

export const actionItemSchema = z.object({
  actionTitle: requiredText("vad som ska göras", 200).refine((v) => !looksIdentifying(v), IDENTIFIER_MESSAGE),
  actionOwnerMembershipId: idField("Välj vem som ansvarar."),
  actionDueDate: dateField("när det ska vara klart"),
  actionAgendaItemId: optionalId(),
});
export type ActionItemInput = z.output<typeof actionItemSchema>;

export const approveSchema = z.object({
  confirmApproval: checkbox().refine((v) => v, "Bekräfta att du har läst protokollet och justerar det."),
});

export const minutesIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("cancel-action"), actionItemId: z.coerce.number().int().positive() }),
]);
