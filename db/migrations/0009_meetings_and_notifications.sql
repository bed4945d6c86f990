CREATE TABLE `action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`forum_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`agenda_item_id` integer,
	`title` text NOT NULL,
	`owner_membership_id` integer NOT NULL,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by_membership_id` integer NOT NULL,
	`completed_at` text,
	`completed_by_membership_id` integer,
	`completed_in_meeting_id` integer,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`completed_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`completed_in_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_items_owner` ON `action_items` (`owner_membership_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `action_items_forum` ON `action_items` (`forum_id`,`status`);--> statement-breakpoint
CREATE INDEX `action_items_meeting` ON `action_items` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`state` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`presenter_participant_id` integer,
	`minutes_allotted` integer NOT NULL,
	`youth_id` text,
	`case_sections` text,
	`linked_at` text,
	`linked_by_membership_id` integer,
	`anonymised_at` text,
	`anonymised_reason` text,
	`action_item_id` integer,
	`key_figures` text,
	`key_figures_frozen_at` text,
	`minutes_notes` text,
	`minutes_decision` text,
	`proposed_by_membership_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`decided_by_membership_id` integer,
	`decided_at` text,
	`decline_reason` text,
	`withdrawn_at` text,
	`withdrawn_by_membership_id` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`presenter_participant_id`) REFERENCES `meeting_participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_item_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agenda_items_minutes" CHECK(minutes_allotted BETWEEN 0 AND 600),
	CONSTRAINT "agenda_items_case_link" CHECK(youth_id IS NULL OR (kind = 'case' AND case_sections IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `agenda_items_youth` ON `agenda_items` (`youth_id`) WHERE youth_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `agenda_items_action_item` ON `agenda_items` (`action_item_id`) WHERE action_item_id IS NOT NULL;--> statement-breakpoint
CREATE TABLE `forum_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`forum_id` integer NOT NULL,
	`membership_id` integer NOT NULL,
	`forum_role` text NOT NULL,
	`added_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`added_by_membership_id` integer NOT NULL,
	`ended_at` text,
	`ended_by_membership_id` integer,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forum_members_active` ON `forum_members` (`forum_id`,`membership_id`) WHERE ended_at IS NULL;--> statement-breakpoint
CREATE INDEX `forum_members_membership` ON `forum_members` (`membership_id`) WHERE ended_at IS NULL;--> statement-breakpoint
CREATE TABLE `forum_organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`forum_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`added_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`added_by_membership_id` integer NOT NULL,
	`ended_at` text,
	`ended_by_membership_id` integer,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forum_organisations_active` ON `forum_organisations` (`forum_id`,`organisation_id`) WHERE ended_at IS NULL;--> statement-breakpoint
CREATE TABLE `forums` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`purpose` text NOT NULL,
	`rhythm` text NOT NULL,
	`rhythm_note` text,
	`default_place` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by_membership_id` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forums_municipality_name` ON `forums` (`municipality_id`,`name`);--> statement-breakpoint
CREATE TABLE `meeting_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`membership_id` integer,
	`is_guest` integer DEFAULT false NOT NULL,
	`guest_name` text,
	`guest_organisation_id` integer,
	`guest_organisation_name` text,
	`guest_email` text,
	`added_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`added_by_membership_id` integer NOT NULL,
	`removed_at` text,
	`removed_by_membership_id` integer,
	`attendance` text,
	`agenda_email_status` text,
	`agenda_email_error` text,
	`agenda_emailed_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`guest_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meeting_participants_who" CHECK(membership_id IS NOT NULL OR guest_name IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `meeting_participants_meeting` ON `meeting_participants` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `meeting_participants_membership` ON `meeting_participants` (`membership_id`) WHERE removed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_participants_active` ON `meeting_participants` (`meeting_id`,`membership_id`) WHERE removed_at IS NULL AND membership_id IS NOT NULL;--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`forum_id` integer NOT NULL,
	`title` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`place` text,
	`video_link` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by_membership_id` integer NOT NULL,
	`agenda_sent_at` text,
	`agenda_sent_by_membership_id` integer,
	`held_marked_at` text,
	`minutes_note` text,
	`adjuster_membership_id` integer,
	`minutes_approved_at` text,
	`minutes_approved_by_membership_id` integer,
	`cancelled_at` text,
	`cancel_reason` text,
	`cancelled_by_membership_id` integer,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_sent_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adjuster_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`minutes_approved_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_ends_after_start" CHECK(ends_at > starts_at)
);
--> statement-breakpoint
CREATE INDEX `meetings_forum` ON `meetings` (`forum_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_status` ON `meetings` (`status`,`starts_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`membership_id` integer,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text,
	`link` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_unread` ON `notifications` (`user_id`) WHERE read_at IS NULL;