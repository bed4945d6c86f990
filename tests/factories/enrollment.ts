import { openEnrollment } from "~/modules/outreach/enrollments.server";
import { recordContactAttempt } from "~/modules/outreach/contacts.server";
import { fileFor } from "./gate";
import { createYouth } from "~/modules/youth/youth-file.server";
import { addDays, todayIso } from "~/lib/dates";
import type { Actor } from "~/modules/auth/actor.server";
import { swedishFaker, youthInput } from "./youth";

const faker = swedishFaker(404);

/**
 * A youth in the register with an open enrollment started `daysAgo` days ago and, unless asked
 * otherwise, contact established: the state in which documentation begins.
 */
export function enrolledYouth(actor: Actor, options: { daysAgo?: number; reached?: boolean; caseworkerMembershipId?: number | null; birthDate?: string } = {}) {
  const startDate = addDays(todayIso(), -(options.daysAgo ?? 60));
  const created = createYouth(
    actor,
    youthInput(faker, {
      homeMunicipalityId: actor.municipalityId!,
      city: "Nässjö",
      postalPrefix: "571",
      protectedIdentity: false,
      birthDate: options.birthDate,
    }),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const opened = openEnrollment(fileFor(actor, created.id, [], ["enrollment"]), {
    startDate,
    startReason: "notice_dropout",
    registrationReason: "dropout_national",
    lastSchoolOccupation: "national_programme",
    caseworkerMembershipId: options.caseworkerMembershipId ?? null,
  });
  if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
  if (options.reached ?? true) {
    const reached = recordContactAttempt(fileFor(actor, created.id, [], ["contacts", "enrollment"]), {
      channel: "phone",
      target: "youth",
      date: addDays(startDate, 5),
      outcome: "reached",
      occupation: "none",
      occupationNote: undefined,
      secondStaff: undefined,
      note: undefined,
      letterTemplate: undefined,
    });
    if (!reached.ok) throw new Error(JSON.stringify(reached.errors));
  }
  return { youthId: created.id, startDate };
}
