CREATE TABLE `population_extract_schedules` (
	`municipality_id` integer PRIMARY KEY NOT NULL,
	`frequency` text DEFAULT 'off' NOT NULL,
	`weekday` integer,
	`hour` integer DEFAULT 4 NOT NULL,
	`last_run_at` text,
	`updated_by_membership_id` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `population_snapshot_summaries` (
	`snapshot_id` integer PRIMARY KEY NOT NULL,
	`resident_count` integer DEFAULT 0 NOT NULL,
	`moved_in_count` integer DEFAULT 0 NOT NULL,
	`moved_out_count` integer DEFAULT 0 NOT NULL,
	`deceased_count` integer DEFAULT 0 NOT NULL,
	`protected_count` integer DEFAULT 0 NOT NULL,
	`coordination_count` integer DEFAULT 0 NOT NULL,
	`rejected_count` integer DEFAULT 0 NOT NULL,
	`duplicate_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`snapshot_id`) REFERENCES `population_snapshots`(`id`) ON UPDATE no action ON DELETE cascade
);
