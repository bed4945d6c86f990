/**
 * Demo data for the goals and the handlingsplan (issue 13), run at the end of the demo seed's
 * transaction: Nässjö's goals (the samordnare set them; one was changed later), the plan's activities
 * (one overdue) and two revisions. Looked up by code and user name, like the meetings' seed.
 */
import { eq } from "drizzle-orm";
import type { Tx } from "./client";
import { memberships, municipalities, steeringActivities, steeringGoalRevisions, steeringGoals, steeringPlanRevisions, users } from "./schema";

function dayOffset(days: number) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function seedSteering(tx: Tx) {
  const municipality = tx.select().from(municipalities).where(eq(municipalities.code, "0682")).get();
  if (!municipality) return;
  const member = (username: string) =>
    tx.select({ id: memberships.id }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(users.username, username)).get()!.id;
  const coordinator = member("samordnare@demo.example");
  const chair = member("styrgrupp@demo.example");

  const goal = (values: Pick<typeof steeringGoals.$inferInsert, "figureKey" | "comparator" | "target" | "periodKind" | "note">) => {
    const row = tx
      .insert(steeringGoals)
      .values({ municipalityId: municipality.id, ...values, createdByMembershipId: coordinator, updatedByMembershipId: coordinator })
      .returning()
      .get();
    tx.insert(steeringGoalRevisions)
      .values({ goalId: row.id, event: "created", ...values, note: values.note ?? null, recordedByMembershipId: coordinator })
      .run();
    return row.id;
  };
  const contact = goal({
    figureKey: "contactShare",
    comparator: "gte",
    target: 90,
    periodKind: "tertial",
    note: "Kontaktrutinen: etablerad kontakt inom fyra veckor från inskrivningen (beslut i styrgruppen).",
  });
  const median = goal({ figureKey: "daysToContact", comparator: "lte", target: 21, periodKind: "tertial", note: null });
  const returned = goal({ figureKey: "returned", comparator: "gte", target: 15, periodKind: "lasar", note: null });
  // The styrgrupp raised the documentation goal from 70 to 80 % after the annual report.
  const planGoal = goal({ figureKey: "planShare", comparator: "gte", target: 70, periodKind: "termin", note: null });
  tx.update(steeringGoals).set({ target: 80, updatedByMembershipId: chair }).where(eq(steeringGoals.id, planGoal)).run();
  tx.insert(steeringGoalRevisions)
    .values({ goalId: planGoal, event: "updated", figureKey: "planShare", comparator: "gte", target: 80, periodKind: "termin", recordedByMembershipId: chair })
    .run();

  const activity = (values: Omit<typeof steeringActivities.$inferInsert, "municipalityId" | "createdByMembershipId" | "updatedByMembershipId">) =>
    tx
      .insert(steeringActivities)
      .values({ municipalityId: municipality.id, ...values, createdByMembershipId: coordinator, updatedByMembershipId: coordinator })
      .run();
  activity({
    description: "Skicka första brevet inom en vecka från inskrivningen och ring inom två veckor",
    owner: "KAA-enheten",
    dueDate: dayOffset(45),
    status: "in_progress",
    goalId: contact,
  });
  activity({
    description: "Gemensam rutin för hembesök tillsammans med socialtjänsten",
    owner: "KAA-enheten och socialtjänsten",
    dueDate: dayOffset(-20),
    status: "in_progress",
    goalId: median,
  });
  activity({
    description: "Studie- och yrkesvägledare på plats på KAA-enheten två dagar i veckan",
    owner: "Utbildningsförvaltningen",
    dueDate: dayOffset(120),
    status: "planned",
    goalId: returned,
  });
  activity({ description: "Mall för individuell plan i portalen", owner: "Samordnaren", dueDate: dayOffset(-60), status: "done", goalId: planGoal });
  activity({ description: "Enkät till ungdomarna om kontakten med KAA", owner: "KAA-enheten", dueDate: dayOffset(-10), status: "cancelled", goalId: null });

  tx.insert(steeringPlanRevisions)
    .values([
      {
        municipalityId: municipality.id,
        revisedOn: dayOffset(-400),
        nextRevisionOn: dayOffset(-35),
        note: "Första handlingsplanen.",
        recordedByMembershipId: coordinator,
      },
      {
        municipalityId: municipality.id,
        revisedOn: dayOffset(-30),
        nextRevisionOn: dayOffset(335),
        note: "Reviderad efter samverkansforumets analys av årssammanställningen.",
        recordedByMembershipId: chair,
      },
    ])
    .run();
}
