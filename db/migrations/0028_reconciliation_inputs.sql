CREATE TABLE `population_snapshot_people` (
	`snapshot_id` integer NOT NULL,
	`personal_number` text NOT NULL,
	`is_coordination_number` integer NOT NULL,
	`birth_date` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`street_address` text,
	`postal_code` text,
	`city` text,
	`protected_identity` integer NOT NULL,
	`resident_here` integer NOT NULL,
	`moved_in_on` text,
	`moved_out_on` text,
	`moved_to_code` text,
	`deceased_on` text,
	`guardians` text,
	FOREIGN KEY (`snapshot_id`) REFERENCES `population_snapshots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `population_snapshot_people_number` ON `population_snapshot_people` (`snapshot_id`,`personal_number`);--> statement-breakpoint
CREATE TABLE `population_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`requested_by_membership_id` integer,
	`requested_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`taken_on` text,
	`status` text DEFAULT 'running' NOT NULL,
	`person_count` integer DEFAULT 0 NOT NULL,
	`error` text,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `population_snapshots_municipality` ON `population_snapshots` (`municipality_id`,`status`,`id`);--> statement-breakpoint
CREATE TABLE `school_absence_reports` (
	`list_id` integer NOT NULL,
	`personal_number` text NOT NULL,
	`school_unit_code` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`invalid_absence_minutes` integer NOT NULL,
	`offered_minutes` integer NOT NULL,
	FOREIGN KEY (`list_id`) REFERENCES `school_lists`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_absence_reports_person` ON `school_absence_reports` (`personal_number`,`list_id`);--> statement-breakpoint
CREATE TABLE `school_list_rows` (
	`list_id` integer NOT NULL,
	`row_number` integer NOT NULL,
	`personal_number` text NOT NULL,
	`is_coordination_number` integer NOT NULL,
	`school_unit_code` text NOT NULL,
	`school_type` text NOT NULL,
	`programme_code` text,
	`start_date` text,
	`end_date` text,
	`outcome` text,
	FOREIGN KEY (`list_id`) REFERENCES `school_lists`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_list_rows_row` ON `school_list_rows` (`list_id`,`row_number`);--> statement-breakpoint
CREATE INDEX `school_list_rows_person` ON `school_list_rows` (`personal_number`,`list_id`);--> statement-breakpoint
CREATE TABLE `school_lists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`connection_id` integer,
	`file_name` text,
	`uploaded_by_membership_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`row_count` integer DEFAULT 0 NOT NULL,
	`completed_at` text,
	`superseded_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `school_lists_organisation` ON `school_lists` (`organisation_id`,`kind`,`source`,`superseded_at`,`id`);