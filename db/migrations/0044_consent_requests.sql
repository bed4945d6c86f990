CREATE TABLE `consent_request_recipients` (
	`request_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`request_id`, `organisation_id`),
	FOREIGN KEY (`request_id`) REFERENCES `consent_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `consent_request_sections` (
	`request_id` integer NOT NULL,
	`section` text NOT NULL,
	PRIMARY KEY(`request_id`, `section`),
	FOREIGN KEY (`request_id`) REFERENCES `consent_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `consent_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`youth_id` text NOT NULL,
	`municipality_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text NOT NULL,
	`maturity_note` text,
	`prepared_by_membership_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`answered_at` text,
	`answered_by_user_id` integer,
	`cancelled_by_membership_id` integer,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prepared_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_requests_youth` ON `consent_requests` (`youth_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `consents` ADD `withdrawn_by_user_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `consents` ADD `given_by_user_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `consents` ADD `consent_request_id` integer REFERENCES consent_requests(id);--> statement-breakpoint
-- The consent's terms now include who gave it on Mina sidor and the request it answered: recreated with them.
DROP TRIGGER `consents_terms_no_update`;
--> statement-breakpoint
CREATE TRIGGER `consents_terms_no_update` BEFORE UPDATE ON `consents`
WHEN OLD.`withdrawn_date` IS NOT NULL
  OR NEW.`youth_id` IS NOT OLD.`youth_id` OR NEW.`municipality_id` IS NOT OLD.`municipality_id`
  OR NEW.`given_by` IS NOT OLD.`given_by` OR NEW.`guardian_name` IS NOT OLD.`guardian_name`
  OR NEW.`maturity_note` IS NOT OLD.`maturity_note` OR NEW.`method` IS NOT OLD.`method`
  OR NEW.`document_ref` IS NOT OLD.`document_ref` OR NEW.`purpose` IS NOT OLD.`purpose`
  OR NEW.`valid_from` IS NOT OLD.`valid_from` OR NEW.`valid_until` IS NOT OLD.`valid_until`
  OR NEW.`recorded_by_membership_id` IS NOT OLD.`recorded_by_membership_id` OR NEW.`recorded_at` IS NOT OLD.`recorded_at`
  OR NEW.`given_by_user_id` IS NOT OLD.`given_by_user_id` OR NEW.`consent_request_id` IS NOT OLD.`consent_request_id`
BEGIN
  SELECT RAISE(ABORT, 'Ett samtycke kan inte ändras, bara återkallas');
END;
--> statement-breakpoint
-- A consent request is answered (or taken back) once, and what it asked never changes.
CREATE TRIGGER `consent_requests_answered_once` BEFORE UPDATE ON `consent_requests`
WHEN OLD.`state` IS NOT 'pending'
  OR NEW.`youth_id` IS NOT OLD.`youth_id` OR NEW.`municipality_id` IS NOT OLD.`municipality_id`
  OR NEW.`purpose` IS NOT OLD.`purpose` OR NEW.`valid_from` IS NOT OLD.`valid_from` OR NEW.`valid_until` IS NOT OLD.`valid_until`
  OR NEW.`maturity_note` IS NOT OLD.`maturity_note` OR NEW.`prepared_by_membership_id` IS NOT OLD.`prepared_by_membership_id`
  OR NEW.`created_at` IS NOT OLD.`created_at`
BEGIN
  SELECT RAISE(ABORT, 'Förfrågan är redan besvarad');
END;
--> statement-breakpoint
CREATE TRIGGER `consent_requests_no_delete` BEFORE DELETE ON `consent_requests`
BEGIN
  SELECT RAISE(ABORT, 'En förfrågan om samtycke kan inte tas bort');
END;
