CREATE TABLE `notice_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notice_id` integer NOT NULL,
	`action` text NOT NULL,
	`previous` text NOT NULL,
	`by_membership_id` integer NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_revisions_notice` ON `notice_revisions` (`notice_id`,`at`);--> statement-breakpoint
ALTER TABLE `municipalities` ADD `county_code` text;--> statement-breakpoint
ALTER TABLE `municipalities` ADD `county_name` text;--> statement-breakpoint
ALTER TABLE `notices` ADD `manually_sent_at` text;--> statement-breakpoint
ALTER TABLE `notices` ADD `manually_sent_by_membership_id` integer REFERENCES memberships(id);--> statement-breakpoint
ALTER TABLE `notices` ADD `withdrawn_at` text;--> statement-breakpoint
ALTER TABLE `notices` ADD `withdrawn_by_membership_id` integer REFERENCES memberships(id);--> statement-breakpoint
CREATE INDEX `notices_school_person` ON `notices` (`school_organisation_id`,`personal_number`);--> statement-breakpoint
-- A notice's earlier versions are evidence of what the school sent: append-only, like the youth register's history.
CREATE TRIGGER `notice_revisions_no_update` BEFORE UPDATE ON `notice_revisions`
BEGIN
  SELECT RAISE(ABORT, 'Anmälans historik kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `notice_revisions_no_delete` BEFORE DELETE ON `notice_revisions`
BEGIN
  SELECT RAISE(ABORT, 'Anmälans historik kan inte tas bort');
END;
