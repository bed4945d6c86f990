ALTER TABLE `referrals` ADD `revoked_by_membership_id` integer REFERENCES memberships(id);--> statement-breakpoint
ALTER TABLE `referrals` ADD `accepted_intervention` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `accepted_start_date` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `accepted_end_date` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `closed_by_membership_id` integer REFERENCES memberships(id);--> statement-breakpoint
CREATE INDEX `referrals_municipality` ON `referrals` (`municipality_id`,`sent_at`);--> statement-breakpoint
CREATE INDEX `referrals_consent` ON `referrals` (`consent_id`);--> statement-breakpoint
CREATE INDEX `concern_reports_reporter` ON `concern_reports` (`reporter_organisation_id`,`created_at`);