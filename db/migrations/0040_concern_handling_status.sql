CREATE TABLE `concern_report_statuses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`by_membership_id` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `concern_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `concern_report_statuses_once` ON `concern_report_statuses` (`report_id`,`status`);--> statement-breakpoint
ALTER TABLE `concern_reports` ADD `handling_status` text;--> statement-breakpoint
-- Hand-written: what socialtjänsten told the reporter is kept as it was told.
CREATE TRIGGER `concern_report_statuses_no_update` BEFORE UPDATE ON `concern_report_statuses`
BEGIN
  SELECT RAISE(ABORT, 'En handläggningsstatus kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `concern_report_statuses_no_delete` BEFORE DELETE ON `concern_report_statuses`
BEGIN
  SELECT RAISE(ABORT, 'En handläggningsstatus kan inte tas bort');
END;
--> statement-breakpoint
-- Reports opened before statuses were kept were received then, by the one who opened them.
INSERT INTO `concern_report_statuses` (`report_id`, `status`, `at`, `by_membership_id`)
  SELECT `id`, 'received', `received_at`, `received_by_membership_id` FROM `concern_reports`
  WHERE `received_at` IS NOT NULL AND `received_by_membership_id` IS NOT NULL;
--> statement-breakpoint
UPDATE `concern_reports` SET `handling_status` = 'received' WHERE `received_at` IS NOT NULL;
