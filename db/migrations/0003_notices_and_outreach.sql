CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`school_organisation_id` integer NOT NULL,
	`submitted_by_membership_id` integer NOT NULL,
	`kind` text NOT NULL,
	`personal_number` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`home_municipality_id` integer NOT NULL,
	`programme` text NOT NULL,
	`event_date` text NOT NULL,
	`reason` text,
	`contact_name` text NOT NULL,
	`contact_phone` text,
	`contact_email` text,
	`status` text DEFAULT 'sent' NOT NULL,
	`youth_id` text,
	`received_at` text,
	`received_by_membership_id` integer,
	`handled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`school_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`home_municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notices_inbox` ON `notices` (`home_municipality_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `notices_school` ON `notices` (`school_organisation_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notices_youth` ON `notices` (`youth_id`);--> statement-breakpoint
CREATE INDEX `notices_person` ON `notices` (`home_municipality_id`,`personal_number`);--> statement-breakpoint
CREATE TABLE `contact_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enrollment_id` integer NOT NULL,
	`youth_id` text NOT NULL,
	`channel` text NOT NULL,
	`target` text DEFAULT 'youth' NOT NULL,
	`date` text NOT NULL,
	`outcome` text NOT NULL,
	`occupation` text,
	`occupation_note` text,
	`second_staff` text,
	`letter_template` text,
	`note` text,
	`recorded_by_membership_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`enrollment_id`) REFERENCES `enrollments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_attempts_enrollment` ON `contact_attempts` (`enrollment_id`,`date`);--> statement-breakpoint
CREATE INDEX `contact_attempts_youth` ON `contact_attempts` (`youth_id`,`date`);--> statement-breakpoint
CREATE TABLE `contact_routine_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`channels` text NOT NULL,
	`offset_amount` integer NOT NULL,
	`offset_unit` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by_membership_id` integer,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contact_routine_position` ON `contact_routine_steps` (`municipality_id`,`position`);--> statement-breakpoint
CREATE TABLE `enrollments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`youth_id` text NOT NULL,
	`municipality_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`start_reason` text NOT NULL,
	`source_notice_id` integer,
	`status` text DEFAULT 'not_contacted' NOT NULL,
	`caseworker_membership_id` integer,
	`watch_until` text,
	`end_date` text,
	`end_reason` text,
	`end_note` text,
	`ended_by_membership_id` integer,
	`created_by_membership_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`caseworker_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrollments_one_open` ON `enrollments` (`youth_id`) WHERE end_date IS NULL;--> statement-breakpoint
CREATE INDEX `enrollments_youth` ON `enrollments` (`youth_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `enrollments_worklist` ON `enrollments` (`municipality_id`,`end_date`,`status`,`caseworker_membership_id`);