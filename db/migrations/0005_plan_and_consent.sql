CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enrollment_id` integer NOT NULL,
	`youth_id` text NOT NULL,
	`date` text NOT NULL,
	`occupation` text NOT NULL,
	`occupation_note` text,
	`completed_grades` text,
	`studiebevis` text DEFAULT 'unknown' NOT NULL,
	`im_history` text,
	`prerequisites` text,
	`needs` text,
	`youth_wishes` text,
	`youth_took_part` integer DEFAULT false NOT NULL,
	`guardian_took_part` integer DEFAULT false NOT NULL,
	`other_participants` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by_membership_id` integer NOT NULL,
	FOREIGN KEY (`enrollment_id`) REFERENCES `enrollments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessments_enrollment` ON `assessments` (`enrollment_id`);--> statement-breakpoint
CREATE TABLE `documentation_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`youth_id` text NOT NULL,
	`enrollment_id` integer NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`changes` text NOT NULL,
	`user_id` integer NOT NULL,
	`membership_id` integer NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enrollment_id`) REFERENCES `enrollments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documentation_revisions_enrollment` ON `documentation_revisions` (`enrollment_id`,`at`);--> statement-breakpoint
CREATE TABLE `enrollment_documentation` (
	`enrollment_id` integer PRIMARY KEY NOT NULL,
	`municipality_id` integer NOT NULL,
	`missing` integer NOT NULL,
	`overdue_from` text,
	`computed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`enrollment_id`) REFERENCES `enrollments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enrollment_documentation_municipality` ON `enrollment_documentation` (`municipality_id`,`missing`);--> statement-breakpoint
CREATE TABLE `intervention_follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`intervention_id` integer NOT NULL,
	`municipality_id` integer NOT NULL,
	`due_date` text NOT NULL,
	`done_date` text,
	`note` text,
	`done_by_membership_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`intervention_id`) REFERENCES `interventions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`done_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_ups_intervention` ON `intervention_follow_ups` (`intervention_id`,`due_date`);--> statement-breakpoint
CREATE INDEX `follow_ups_due` ON `intervention_follow_ups` (`municipality_id`,`due_date`) WHERE done_date IS NULL;--> statement-breakpoint
CREATE TABLE `intervention_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intervention_types_name` ON `intervention_types` (`municipality_id`,`name`);--> statement-breakpoint
CREATE INDEX `intervention_types_position` ON `intervention_types` (`municipality_id`,`position`);--> statement-breakpoint
CREATE TABLE `interventions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enrollment_id` integer NOT NULL,
	`youth_id` text NOT NULL,
	`municipality_id` integer NOT NULL,
	`type_id` integer NOT NULL,
	`description` text,
	`responsible_party` text NOT NULL,
	`responsible_unit` text,
	`responsible_organisation_id` integer,
	`responsible_organisation_name` text,
	`provider` text,
	`start_date` text NOT NULL,
	`planned_end_date` text NOT NULL,
	`declined_date` text,
	`declined_note` text,
	`end_date` text,
	`end_reason` text,
	`evaluation_outcome` text,
	`evaluation_text` text,
	`referral_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by_membership_id` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by_membership_id` integer NOT NULL,
	FOREIGN KEY (`enrollment_id`) REFERENCES `enrollments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`type_id`) REFERENCES `intervention_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interventions_enrollment` ON `interventions` (`enrollment_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `interventions_open_by_end` ON `interventions` (`municipality_id`,`planned_end_date`) WHERE end_date IS NULL AND declined_date IS NULL;--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enrollment_id` integer NOT NULL,
	`youth_id` text NOT NULL,
	`goal` text NOT NULL,
	`made_with_youth` integer DEFAULT false NOT NULL,
	`made_with_youth_date` text,
	`youth_comment` text,
	`no_youth_interventions_reason` text,
	`no_municipality_interventions_reason` text,
	`no_other_actor_interventions_reason` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by_membership_id` integer NOT NULL,
	FOREIGN KEY (`enrollment_id`) REFERENCES `enrollments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_enrollment` ON `plans` (`enrollment_id`);--> statement-breakpoint
CREATE TABLE `concern_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`youth_id` text,
	`personal_number` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`home_municipality_id` integer NOT NULL,
	`recipient_organisation_id` integer NOT NULL,
	`reporter_membership_id` integer NOT NULL,
	`reporter_organisation_id` integer NOT NULL,
	`reporter_phone` text,
	`observed` text NOT NULL,
	`observed_when` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`received_at` text,
	`received_by_membership_id` integer,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`home_municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reporter_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reporter_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `concern_reports_recipient` ON `concern_reports` (`recipient_organisation_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `concern_reports_youth` ON `concern_reports` (`youth_id`);--> statement-breakpoint
CREATE TABLE `consent_recipients` (
	`consent_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`consent_id`, `organisation_id`),
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_recipients_organisation` ON `consent_recipients` (`organisation_id`,`consent_id`);--> statement-breakpoint
CREATE TABLE `consent_sections` (
	`consent_id` integer NOT NULL,
	`section` text NOT NULL,
	PRIMARY KEY(`consent_id`, `section`),
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`youth_id` text NOT NULL,
	`municipality_id` integer NOT NULL,
	`given_by` text NOT NULL,
	`guardian_name` text,
	`maturity_note` text,
	`method` text NOT NULL,
	`document_ref` text,
	`purpose` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text NOT NULL,
	`recorded_by_membership_id` integer NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`withdrawn_date` text,
	`withdrawal_method` text,
	`withdrawal_note` text,
	`withdrawn_by_membership_id` integer,
	`withdrawn_at` text,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_youth` ON `consents` (`youth_id`,`valid_until`);--> statement-breakpoint
CREATE TABLE `referral_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`referral_id` integer NOT NULL,
	`author_membership_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referral_feedback_referral` ON `referral_feedback` (`referral_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `referral_sections` (
	`referral_id` integer NOT NULL,
	`section` text NOT NULL,
	PRIMARY KEY(`referral_id`, `section`),
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`youth_id` text NOT NULL,
	`municipality_id` integer NOT NULL,
	`consent_id` integer NOT NULL,
	`sender_organisation_id` integer NOT NULL,
	`sender_membership_id` integer NOT NULL,
	`recipient_organisation_id` integer NOT NULL,
	`question` text NOT NULL,
	`requested_intervention` text NOT NULL,
	`status` text DEFAULT 'sent' NOT NULL,
	`sent_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`received_at` text,
	`received_by_membership_id` integer,
	`decided_at` text,
	`decided_by_membership_id` integer,
	`responsible_membership_id` integer,
	`decline_reason` text,
	`closed_at` text,
	`outcome` text,
	`revoked_at` text,
	`revoke_reason` text,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sender_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sender_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referrals_recipient` ON `referrals` (`recipient_organisation_id`,`status`,`sent_at`);--> statement-breakpoint
CREATE INDEX `referrals_youth` ON `referrals` (`youth_id`,`sent_at`);--> statement-breakpoint
ALTER TABLE `enrollments` ADD `end_occupation` text;