import { z } from "zod";
import { FORUM_KINDS, FORUM_ROLES, MEETING_RHYTHMS } from "#db/schema/meetings-values";
import { idField, optionalText, requiredText } from "~/lib/form-fields";

/** A forum's name, kind, purpose and rhythm (creating and editing). */
export const forumDetailsSchema = z.object({
  name: requiredText("forumets namn", 100),
  kind: z.enum(FORUM_KINDS, { error: "Välj vilken sorts forum det är." }),
  purpose: requiredText("forumets syfte och uppdrag", 1000),
  rhythm: z.enum(MEETING_RHYTHMS, { error: "Välj hur ofta forumet möts." }),
  rhythmNote: optionalText(200),
  defaultPlace: optionalText(200),
});
export type ForumDetailsInput = z.output<typeof forumDetailsSchema>;

/**
 * A new forum also names its chair and its member organisations. The organisations are a list of
 * checkboxes read on the server (formData.getAll); the browser validates the other fields.
 */
export const forumCreateSchema = forumDetailsSchema.extend({
  chairMembershipId: idField("Välj forumets ordförande."),
  organisationIds: z.array(z.coerce.number().int().positive()).default([]),
});
export type ForumCreateInput = z.output<typeof forumCreateSchema>;

export const memberAddSchema = z.object({
  membershipId: idField("Välj en person."),
  forumRole: z.enum(FORUM_ROLES, { error: "Välj roll i forumet." }),
});
export type MemberAddInput = z.output<typeof memberAddSchema>;

export const organisationAddSchema = z.object({
  organisationId: idField("Välj en organisation."),
});

/** The small buttons of the members page: change a role, end a membership. */
export const memberChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), memberId: z.coerce.number().int().positive(), forumRole: z.enum(FORUM_ROLES) }),
  z.object({ intent: z.literal("end-member"), memberId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("end-organisation"), forumOrganisationId: z.coerce.number().int().positive() }),
]);
export type MemberChangeInput = z.output<typeof memberChangeSchema>;
