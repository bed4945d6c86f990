CREATE TABLE `scb_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`period` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`mapping_version` text NOT NULL,
	`created_by_membership_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`youth_count` integer NOT NULL,
	`sha256` text NOT NULL,
	`with_exceptions` integer DEFAULT false NOT NULL,
	`exceptions_report` text DEFAULT '[]' NOT NULL,
	`youth_ids` text NOT NULL,
	`data_file` blob NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "scb_exports_period" CHECK("scb_exports"."period_from" <= "scb_exports"."period_to"),
	CONSTRAINT "scb_exports_checksum" CHECK(length("scb_exports"."sha256") = 64)
);
--> statement-breakpoint
CREATE INDEX `scb_exports_municipality` ON `scb_exports` (`municipality_id`,`created_at`);--> statement-breakpoint
-- An export is a record of what was sent: it is never changed or removed (the checksum must keep matching the file).
CREATE TRIGGER `scb_exports_no_update` BEFORE UPDATE ON `scb_exports`
BEGIN
  SELECT RAISE(ABORT, 'En SCB-export kan inte ändras');
END;--> statement-breakpoint
CREATE TRIGGER `scb_exports_no_delete` BEFORE DELETE ON `scb_exports`
BEGIN
  SELECT RAISE(ABORT, 'En SCB-export kan inte tas bort');
END;
