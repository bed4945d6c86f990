import { z } from "zod";
import { dateField, TIME, timeField } from "~/lib/form-fields";
import { idField, optionalEmail, optionalText, requiredText } from "~/lib/form-fields";

const optionalVideoLink = () =>
  optionalText(500).refine((v) => v === undefined || (z.url().safeParse(v).success && v.startsWith("https://")), {
    message: "Ange videolänken som en fullständig adress som börjar med https://.",
  });

/** Date, time, place or video link. Participants are checkboxes read on the server. */
export const meetingSchema = z
  .object({
    title: requiredText("mötets rubrik", 150),
    date: dateField("datum"),
    startTime: timeField("starttid"),
    endTime: timeField("sluttid"),
    place: optionalText(200),
    videoLink: optionalVideoLink(),
    participantIds: z.array(z.coerce.number().int().positive()).default([]),
  })
  .superRefine((v, ctx) => {
    if (TIME.test(v.startTime) && TIME.test(v.endTime) && v.endTime <= v.startTime) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "Sluttiden ska vara efter starttiden." });
    }
    if (!v.place && !v.videoLink) {
      ctx.addIssue({ code: "custom", path: ["place"], message: "Ange en plats eller en videolänk." });
    }
  });
export type MeetingInput = z.output<typeof meetingSchema>;

/** A guest from outside the forum: a portal user, or a person outside the portal. */
export const portalGuestSchema = z.object({
  guestMembershipId: idField("Välj en person."),
});

export const externalGuestSchema = z
  .object({
    guestName: requiredText("gästens namn", 100),
    guestOrganisationId: z
      .union([z.literal(""), z.coerce.number().int().positive()])
      .optional()
      .transform((v) => (v ? Number(v) : null)),
    guestOrganisationName: optionalText(150),
    guestEmail: optionalEmail(),
  })
  .superRefine((v, ctx) => {
    if (!v.guestOrganisationId && !v.guestOrganisationName) {
      ctx.addIssue({ code: "custom", path: ["guestOrganisationName"], message: "Välj gästens organisation eller skriv dess namn." });
    }
  });
export type ExternalGuestInput = z.output<typeof externalGuestSchema>;

export const cancelSchema = z.object({
  cancelReason: requiredText("varför mötet ställs in", 300),
});

export const participantRemoveSchema = z.object({
  participantId: z.coerce.number().int().positive(),
});
