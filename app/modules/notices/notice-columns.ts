import type { NoticeInput } from "./notice-schema";

/** The columns a school writes, from its checked form or CSV row (filing and correcting alike). */
export function noticeColumns(input: NoticeInput, personalNumber: string) {
  return {
    kind: input.kind,
    personalNumber,
    firstName: input.firstName,
    lastName: input.lastName,
    homeMunicipalityId: input.homeMunicipalityId,
    programme: input.programme,
    eventDate: input.eventDate,
    reason: input.reason ?? null,
    contactName: input.contactName,
    contactPhone: input.contactPhone ?? null,
    contactEmail: input.contactEmail ?? null,
  };
}
