import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { agendaItems } from "./meetings";
import { memberships, municipalities } from "./organizations";
import { ACTIVITY_STATUSES, GOAL_COMPARATORS, GOAL_EVENTS, GOAL_PERIOD_KINDS } from "./steering-values";

export * from "./steering-values";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * Goals and the handlingsplan (issue 13): the municipality's goals for its KAA work, each tied to one
 * figure of the follow-up, and the plan's activities and revisions. Aggregates and plans only: no
 * youth. Nothing is deleted: goals are archived, activities cancelled, and every change of a goal and
 * every revision of the plan is kept (triggers in the migrations refuse deletes and rewrites).
 */

export const steeringGoals = sqliteTable(
  "steering_goals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    // A row key of the follow-up's tables (app/modules/steering/goal-figures.ts lists those offered).
    figureKey: text("figure_key").notNull(),
    comparator: text("comparator", { enum: GOAL_COMPARATORS }).notNull(),
    // Percent for shares (90 = 90 %), days for medians, a number for counts.
    target: real("target").notNull(),
    periodKind: text("period_kind", { enum: GOAL_PERIOD_KINDS }).notNull(),
    note: text("note"),
    createdAt: text("created_at").notNull().default(now),
    createdByMembershipId: integer("created_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    updatedAt: text("updated_at").notNull().default(now),
    updatedByMembershipId: integer("updated_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    archivedAt: text("archived_at"),
    archivedByMembershipId: integer("archived_by_membership_id").references(() => memberships.id),
  },
  (t) => [index("steering_goals_municipality").on(t.municipalityId, t.archivedAt), check("steering_goals_target", sql`target >= 0`)],
);

/** Every version of a goal, with who and when: what the styrgrupp decided, and when it changed. Append-only. */
export const steeringGoalRevisions = sqliteTable(
  "steering_goal_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    goalId: integer("goal_id")
      .notNull()
      .references(() => steeringGoals.id),
    event: text("event", { enum: GOAL_EVENTS }).notNull(),
    figureKey: text("figure_key").notNull(),
    comparator: text("comparator", { enum: GOAL_COMPARATORS }).notNull(),
    target: real("target").notNull(),
    periodKind: text("period_kind", { enum: GOAL_PERIOD_KINDS }).notNull(),
    note: text("note"),
    recordedAt: text("recorded_at").notNull().default(now),
    recordedByMembershipId: integer("recorded_by_membership_id")
      .notNull()
      .references(() => memberships.id),
  },
  (t) => [index("steering_goal_revisions_goal").on(t.goalId, t.id)],
);

/** The handlingsplan's activities: what is to be done, by whom, by when. Cancelled, never deleted. */
export const steeringActivities = sqliteTable(
  "steering_activities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    description: text("description").notNull(),
    // A person or an organisation, as the plan names it (it may sit outside the portal).
    owner: text("owner").notNull(),
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: ACTIVITY_STATUSES }).notNull().default("planned"),
    goalId: integer("goal_id").references(() => steeringGoals.id),
    createdAt: text("created_at").notNull().default(now),
    createdByMembershipId: integer("created_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    updatedAt: text("updated_at").notNull().default(now),
    updatedByMembershipId: integer("updated_by_membership_id")
      .notNull()
      .references(() => memberships.id),
  },
  (t) => [
    index("steering_activities_municipality").on(t.municipalityId, t.dueDate),
    index("steering_activities_goal")
      .on(t.goalId)
      .where(sql`goal_id IS NOT NULL`),
  ],
);

/** Each revision of the handlingsplan: when it was revised and when it is next due. The latest is in force. Append-only. */
export const steeringPlanRevisions = sqliteTable(
  "steering_plan_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    revisedOn: text("revised_on").notNull(),
    nextRevisionOn: text("next_revision_on").notNull(),
    note: text("note"),
    recordedAt: text("recorded_at").notNull().default(now),
    recordedByMembershipId: integer("recorded_by_membership_id")
      .notNull()
      .references(() => memberships.id),
  },
  (t) => [index("steering_plan_revisions_municipality").on(t.municipalityId, t.id), check("steering_plan_revisions_order", sql`next_revision_on > revised_on`)],
);

/**
 * A "Mål och handlingsplan" agenda item's snapshot: the goals and the plan as the forum saw them when
 * the agenda was sent, frozen like the key figures (never recomputed, never changed).
 */
export const agendaGoalSnapshots = sqliteTable("agenda_goal_snapshots", {
  agendaItemId: integer("agenda_item_id")
    .primaryKey()
    .references(() => agendaItems.id),
  snapshot: text("snapshot").notNull(),
  frozenAt: text("frozen_at").notNull(),
});
