/**
 * The KAA unit's contact details: what every letter prints so that a youth or a guardian can
 * answer. Shared by the samordnare's form (browser) and the server.
 */
import { z } from "zod";
import { optionalEmail, optionalPhone, requiredText } from "~/lib/form-fields";

/** Each field, in the order the form and the letters show them. */
export const UNIT_CONTACT_FIELD_LABELS = {
  phone: "Telefonnummer",
  sms: "Sms-nummer",
  email: "E-postadress",
  streetAddress: "Besöksadress (gata och nummer)",
  postalCode: "Postnummer",
  city: "Ort",
  openingHours: "Öppettider",
} as const;

export type UnitContactField = keyof typeof UNIT_CONTACT_FIELD_LABELS;
export const UNIT_CONTACT_FIELDS = Object.keys(UNIT_CONTACT_FIELD_LABELS) as UnitContactField[];

// Every field is required: a letter that leaves out a way of answering is not sent (see the letter page).
const phone = (label: string) =>
  requiredText(label, 30).refine((v) => optionalPhone().safeParse(v).success, "Ange numret med siffror, till exempel 0380-51 80 00.");

export const unitContactSchema = z.object({
  phone: phone("enhetens telefonnummer"),
  sms: phone("numret ungdomar kan skicka sms till"),
  email: requiredText("enhetens e-postadress", 200).refine(
    (v) => optionalEmail().safeParse(v).success,
    "Ange en giltig e-postadress, till exempel kaa@kommun.se.",
  ),
  streetAddress: requiredText("besöksadressen", 200),
  postalCode: requiredText("postnumret", 6).refine((v) => /^\d{3}\s?\d{2}$/.test(v), "Ange postnumret med fem siffror, till exempel 571 31."),
  city: requiredText("orten", 100),
  openingHours: requiredText("öppettiderna", 300),
});

export type UnitContactInput = z.output<typeof unitContactSchema>;
export type UnitContactDetails = UnitContactInput;
