CREATE TABLE `admin_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`user_id` integer,
	`membership_id` integer,
	`action` text NOT NULL,
	`target_user_id` integer,
	`target_organisation_id` integer,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `admin_events_target` ON `admin_events` (`target_user_id`,`at`);--> statement-breakpoint
CREATE INDEX `admin_events_at` ON `admin_events` (`at`);--> statement-breakpoint
CREATE TRIGGER `admin_events_no_update` BEFORE UPDATE ON `admin_events`
BEGIN
  SELECT RAISE(ABORT, 'Loggposter kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `admin_events_no_delete` BEFORE DELETE ON `admin_events`
BEGIN
  SELECT RAISE(ABORT, 'Loggposter kan inte tas bort');
END;
