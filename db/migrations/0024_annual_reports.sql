CREATE TABLE `annual_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`period` text NOT NULL,
	`period_kind` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`analysis` text DEFAULT '{}' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`figures` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by_membership_id` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by_membership_id` integer NOT NULL,
	`approved_at` text,
	`approved_by_membership_id` integer,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "annual_reports_approved_complete" CHECK(status = 'draft' OR (figures IS NOT NULL AND approved_at IS NOT NULL AND approved_by_membership_id IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annual_reports_municipality_period` ON `annual_reports` (`municipality_id`,`period`);