CREATE TABLE `internal_control_sample_cases` (
	`sample_id` integer NOT NULL,
	`position` integer NOT NULL,
	`enrollment_id` integer NOT NULL,
	`youth_id` text NOT NULL,
	PRIMARY KEY(`sample_id`, `position`),
	FOREIGN KEY (`sample_id`) REFERENCES `internal_control_samples`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enrollment_id`) REFERENCES `enrollments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `internal_control_sample_cases_enrollment` ON `internal_control_sample_cases` (`sample_id`,`enrollment_id`);--> statement-breakpoint
CREATE INDEX `internal_control_sample_cases_youth` ON `internal_control_sample_cases` (`youth_id`,`sample_id`);--> statement-breakpoint
CREATE TABLE `internal_control_samples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`seed` text NOT NULL,
	`requested_size` integer NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`state` text DEFAULT 'all' NOT NULL,
	`caseworker_membership_id` integer,
	`population_size` integer NOT NULL,
	`routine_snapshot` text NOT NULL,
	`created_by_membership_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`caseworker_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "internal_control_samples_size" CHECK("internal_control_samples"."requested_size" > 0),
	CONSTRAINT "internal_control_samples_period" CHECK("internal_control_samples"."period_from" <= "internal_control_samples"."period_to")
);
--> statement-breakpoint
CREATE INDEX `internal_control_samples_municipality` ON `internal_control_samples` (`municipality_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `review_grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sample_id` integer NOT NULL,
	`membership_id` integer NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text NOT NULL,
	`revoked_at` text,
	`revoked_by_membership_id` integer,
	`created_by_membership_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`sample_id`) REFERENCES `internal_control_samples`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "review_grants_period" CHECK("review_grants"."valid_from" <= "review_grants"."valid_until")
);
--> statement-breakpoint
CREATE INDEX `review_grants_membership` ON `review_grants` (`membership_id`,`valid_until`);--> statement-breakpoint
CREATE INDEX `review_grants_sample` ON `review_grants` (`sample_id`);--> statement-breakpoint
ALTER TABLE `enrollments` ADD `registration_reason` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `last_school_occupation` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `intervention_types` ADD `scb_type` text;--> statement-breakpoint
ALTER TABLE `interventions` ADD `occupation_after` text;--> statement-breakpoint
-- Honest defaults (issue 15): existing enrollments get "unknown" (the column default) for the two SCB block-1
-- variables and are listed for a person to fill in. Only what was recorded is carried over: an åtgärd that ended
-- because the youth started studies or got work has that occupation afterwards; any other ended one is "unknown";
-- open ones stay null until they end.
UPDATE `interventions` SET `occupation_after` = CASE `end_reason` WHEN 'started_studies' THEN 'studies' WHEN 'got_work' THEN 'work' ELSE 'unknown' END WHERE `end_date` IS NOT NULL;--> statement-breakpoint
-- The two catalogue names that are SCB's own examples are mapped; the samordnare maps the rest on the catalogue page.
UPDATE `intervention_types` SET `scb_type` = 'guidance' WHERE `name` = 'Studie- och yrkesvägledning';--> statement-breakpoint
UPDATE `intervention_types` SET `scb_type` = 'introduction_programme' WHERE `name` = 'Studier på introduktionsprogram';
