CREATE TABLE `agenda_goal_snapshots` (
	`agenda_item_id` integer PRIMARY KEY NOT NULL,
	`snapshot` text NOT NULL,
	`frozen_at` text NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `steering_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`description` text NOT NULL,
	`owner` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`goal_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by_membership_id` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by_membership_id` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`goal_id`) REFERENCES `steering_goals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `steering_activities_municipality` ON `steering_activities` (`municipality_id`,`due_date`);--> statement-breakpoint
CREATE INDEX `steering_activities_goal` ON `steering_activities` (`goal_id`) WHERE goal_id IS NOT NULL;--> statement-breakpoint
CREATE TABLE `steering_goal_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`goal_id` integer NOT NULL,
	`event` text NOT NULL,
	`figure_key` text NOT NULL,
	`comparator` text NOT NULL,
	`target` real NOT NULL,
	`period_kind` text NOT NULL,
	`note` text,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`recorded_by_membership_id` integer NOT NULL,
	FOREIGN KEY (`goal_id`) REFERENCES `steering_goals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `steering_goal_revisions_goal` ON `steering_goal_revisions` (`goal_id`,`id`);--> statement-breakpoint
CREATE TABLE `steering_goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`figure_key` text NOT NULL,
	`comparator` text NOT NULL,
	`target` real NOT NULL,
	`period_kind` text NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by_membership_id` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by_membership_id` integer NOT NULL,
	`archived_at` text,
	`archived_by_membership_id` integer,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`archived_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "steering_goals_target" CHECK(target >= 0)
);
--> statement-breakpoint
CREATE INDEX `steering_goals_municipality` ON `steering_goals` (`municipality_id`,`archived_at`);--> statement-breakpoint
CREATE TABLE `steering_plan_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`revised_on` text NOT NULL,
	`next_revision_on` text NOT NULL,
	`note` text,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`recorded_by_membership_id` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "steering_plan_revisions_order" CHECK(next_revision_on > revised_on)
);
--> statement-breakpoint
CREATE INDEX `steering_plan_revisions_municipality` ON `steering_plan_revisions` (`municipality_id`,`id`);