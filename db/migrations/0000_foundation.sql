CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`organisation_id` integer,
	`role` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`ended_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "memberships_admin_has_no_organisation" CHECK((role = 'system_admin') = (organisation_id IS NULL))
);
--> statement-breakpoint
CREATE INDEX `memberships_user` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE INDEX `memberships_organisation` ON `memberships` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `municipalities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `municipalities_code_unique` ON `municipalities` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `municipalities_name_unique` ON `municipalities` (`name`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`municipality_id` integer NOT NULL,
	`school_organiser_kind` text,
	`school_organiser_name` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "organisations_school_organiser" CHECK((kind = 'school') = (school_organiser_kind IS NOT NULL AND school_organiser_name IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_name_unique` ON `organisations` (`municipality_id`,`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_one_kaa_unit` ON `organisations` (`municipality_id`) WHERE kind = 'kaa_unit';--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`disabled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`password_changed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username_key` text NOT NULL,
	`address` text NOT NULL,
	`at` integer NOT NULL,
	`succeeded` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_attempts_user` ON `login_attempts` (`username_key`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_address` ON `login_attempts` (`address`,`at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`membership_id` integer,
	`created_at` integer NOT NULL,
	`last_active_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `guardians` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`youth_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guardians_youth_position` ON `guardians` (`youth_id`,`position`);--> statement-breakpoint
CREATE TABLE `youth_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`youth_id` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`membership_id` integer NOT NULL,
	`previous` text,
	`changed_fields` text NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `youth_revisions_youth` ON `youth_revisions` (`youth_id`,`at`);--> statement-breakpoint
CREATE TABLE `youths` (
	`id` text PRIMARY KEY NOT NULL,
	`home_municipality_id` integer NOT NULL,
	`personal_number` text NOT NULL,
	`is_coordination_number` integer NOT NULL,
	`birth_date` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`name_search` text NOT NULL,
	`name_sort` text NOT NULL,
	`street_address` text,
	`postal_code` text,
	`city` text,
	`phone` text,
	`email` text,
	`protected_identity` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by_membership_id` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`home_municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `youths_register_personal_number` ON `youths` (`home_municipality_id`,`personal_number`);--> statement-breakpoint
CREATE INDEX `youths_register_name` ON `youths` (`home_municipality_id`,`name_sort`,`id`);--> statement-breakpoint
CREATE INDEX `youths_register_created` ON `youths` (`home_municipality_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `youths_register_birth` ON `youths` (`home_municipality_id`,`birth_date`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`user_id` integer NOT NULL,
	`membership_id` integer,
	`organisation_id` integer,
	`role` text,
	`youth_id` text,
	`section` text NOT NULL,
	`action` text NOT NULL,
	`outcome` text NOT NULL,
	`basis` text,
	`basis_ref` text
);
--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_youth` ON `audit_events` (`youth_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_user` ON `audit_events` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_organisation` ON `audit_events` (`organisation_id`,`at`);