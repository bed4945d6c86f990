-- The follow-up's own copy of each enrollment (issue 13): one narrow row with what the key figures
-- need (dates, reasons, birth date, school, caseworker, first reached contact, first kartläggning,
-- plan), clustered by municipality and end date. Every figure about the target group in a period is
-- then one range read of this table (the enrollments still open or ended since the period began),
-- instead of joins from every enrollment to its youth, notice, contacts, assessments and plan.
-- Kept by triggers on the source tables, so no write path can forget it; the rows are recomputed
-- from one view, so there is a single definition of what a row holds.
CREATE VIEW `follow_up_enrollment_source` AS
SELECT e.`municipality_id` AS municipality_id,
	coalesce(e.`end_date`, '9999-12-31') AS end_key,
	e.`id` AS enrollment_id,
	e.`start_date` AS start_date,
	e.`end_date` AS end_date,
	e.`start_reason` AS start_reason,
	e.`end_reason` AS end_reason,
	y.`birth_date` AS birth_date,
	n.`school_organisation_id` AS school_id,
	e.`caseworker_membership_id` AS caseworker_membership_id,
	(SELECT min(c.`date`) FROM `contact_attempts` c WHERE c.`enrollment_id` = e.`id` AND c.`outcome` = 'reached') AS first_reached_on,
	(SELECT min(a.`date`) FROM `assessments` a WHERE a.`enrollment_id` = e.`id`) AS first_assessed_on,
	EXISTS (SELECT 1 FROM `plans` p WHERE p.`enrollment_id` = e.`id`) AS has_plan
FROM `enrollments` e
	JOIN `youths` y ON y.`id` = e.`youth_id`
	LEFT JOIN `notices` n ON n.`id` = e.`source_notice_id`;
--> statement-breakpoint
CREATE TABLE `follow_up_enrollments` (
	`municipality_id` integer NOT NULL,
	`end_key` text NOT NULL,
	`enrollment_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`start_reason` text NOT NULL,
	`end_reason` text,
	`birth_date` text NOT NULL,
	`school_id` integer,
	`caseworker_membership_id` integer,
	`first_reached_on` text,
	`first_assessed_on` text,
	`has_plan` integer NOT NULL,
	PRIMARY KEY (`municipality_id`, `end_key`, `enrollment_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_up_enrollments_enrollment` ON `follow_up_enrollments` (`enrollment_id`);
--> statement-breakpoint
INSERT INTO `follow_up_enrollments` SELECT * FROM `follow_up_enrollment_source`;
--> statement-breakpoint
CREATE TRIGGER `enrollments_follow_up_insert` AFTER INSERT ON `enrollments` BEGIN
	INSERT INTO `follow_up_enrollments` SELECT * FROM `follow_up_enrollment_source` WHERE enrollment_id = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `enrollments_follow_up_update` AFTER UPDATE OF `municipality_id`, `youth_id`, `start_date`, `start_reason`, `source_notice_id`, `caseworker_membership_id`, `end_date`, `end_reason` ON `enrollments` BEGIN
	DELETE FROM `follow_up_enrollments` WHERE `enrollment_id` = old.`id`;
	INSERT INTO `follow_up_enrollments` SELECT * FROM `follow_up_enrollment_source` WHERE enrollment_id = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `enrollments_follow_up_delete` AFTER DELETE ON `enrollments` BEGIN
	DELETE FROM `follow_up_enrollments` WHERE `enrollment_id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `youths_follow_up_birth_date` AFTER UPDATE OF `birth_date` ON `youths` BEGIN
	DELETE FROM `follow_up_enrollments` WHERE `enrollment_id` IN (SELECT `id` FROM `enrollments` WHERE `youth_id` = new.`id`);
	INSERT INTO `follow_up_enrollments` SELECT * FROM `follow_up_enrollment_source` WHERE enrollment_id IN (SELECT `id` FROM `enrollments` WHERE `youth_id` = new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `contact_attempts_follow_up_insert` AFTER INSERT ON `contact_attempts` WHEN new.`outcome` = 'reached' BEGIN
	UPDATE `follow_up_enrollments` SET `first_reached_on` = new.`date`
		WHERE `enrollment_id` = new.`enrollment_id` AND (`first_reached_on` IS NULL OR `first_reached_on` > new.`date`);
END;
--> statement-breakpoint
CREATE TRIGGER `contact_attempts_follow_up_update` AFTER UPDATE OF `enrollment_id`, `date`, `outcome` ON `contact_attempts` BEGIN
	UPDATE `follow_up_enrollments` SET `first_reached_on` = (SELECT min(`date`) FROM `contact_attempts` WHERE `enrollment_id` = old.`enrollment_id` AND `outcome` = 'reached') WHERE `enrollment_id` = old.`enrollment_id`;
	UPDATE `follow_up_enrollments` SET `first_reached_on` = (SELECT min(`date`) FROM `contact_attempts` WHERE `enrollment_id` = new.`enrollment_id` AND `outcome` = 'reached') WHERE `enrollment_id` = new.`enrollment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `contact_attempts_follow_up_delete` AFTER DELETE ON `contact_attempts` WHEN old.`outcome` = 'reached' BEGIN
	UPDATE `follow_up_enrollments` SET `first_reached_on` = (SELECT min(`date`) FROM `contact_attempts` WHERE `enrollment_id` = old.`enrollment_id` AND `outcome` = 'reached') WHERE `enrollment_id` = old.`enrollment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `assessments_follow_up_insert` AFTER INSERT ON `assessments` BEGIN
	UPDATE `follow_up_enrollments` SET `first_assessed_on` = new.`date`
		WHERE `enrollment_id` = new.`enrollment_id` AND (`first_assessed_on` IS NULL OR `first_assessed_on` > new.`date`);
END;
--> statement-breakpoint
CREATE TRIGGER `assessments_follow_up_update` AFTER UPDATE OF `enrollment_id`, `date` ON `assessments` BEGIN
	UPDATE `follow_up_enrollments` SET `first_assessed_on` = (SELECT min(`date`) FROM `assessments` WHERE `enrollment_id` = old.`enrollment_id`) WHERE `enrollment_id` = old.`enrollment_id`;
	UPDATE `follow_up_enrollments` SET `first_assessed_on` = (SELECT min(`date`) FROM `assessments` WHERE `enrollment_id` = new.`enrollment_id`) WHERE `enrollment_id` = new.`enrollment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `assessments_follow_up_delete` AFTER DELETE ON `assessments` BEGIN
	UPDATE `follow_up_enrollments` SET `first_assessed_on` = (SELECT min(`date`) FROM `assessments` WHERE `enrollment_id` = old.`enrollment_id`) WHERE `enrollment_id` = old.`enrollment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `plans_follow_up_insert` AFTER INSERT ON `plans` BEGIN
	UPDATE `follow_up_enrollments` SET `has_plan` = 1 WHERE `enrollment_id` = new.`enrollment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `plans_follow_up_update` AFTER UPDATE OF `enrollment_id` ON `plans` BEGIN
	UPDATE `follow_up_enrollments` SET `has_plan` = EXISTS (SELECT 1 FROM `plans` WHERE `enrollment_id` = old.`enrollment_id`) WHERE `enrollment_id` = old.`enrollment_id`;
	UPDATE `follow_up_enrollments` SET `has_plan` = 1 WHERE `enrollment_id` = new.`enrollment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `plans_follow_up_delete` AFTER DELETE ON `plans` BEGIN
	UPDATE `follow_up_enrollments` SET `has_plan` = EXISTS (SELECT 1 FROM `plans` WHERE `enrollment_id` = old.`enrollment_id`) WHERE `enrollment_id` = old.`enrollment_id`;
END;
--> statement-breakpoint
-- Contact attempts and reached ones per municipality, day and channel, kept by the same writes: the
-- attempts of a period (or of every month of three years) are a short range of this table.
CREATE TABLE `contact_attempt_days` (
	`municipality_id` integer NOT NULL,
	`day` text NOT NULL,
	`channel` text NOT NULL,
	`attempts` integer NOT NULL,
	`reached` integer NOT NULL,
	PRIMARY KEY (`municipality_id`, `day`, `channel`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `contact_attempt_days` (`municipality_id`, `day`, `channel`, `attempts`, `reached`)
	SELECT e.`municipality_id`, c.`date`, c.`channel`, count(*), sum(c.`outcome` = 'reached')
	FROM `contact_attempts` c JOIN `enrollments` e ON e.`id` = c.`enrollment_id`
	GROUP BY e.`municipality_id`, c.`date`, c.`channel`;
--> statement-breakpoint
CREATE TRIGGER `contact_attempts_days_insert` AFTER INSERT ON `contact_attempts` BEGIN
	INSERT INTO `contact_attempt_days` (`municipality_id`, `day`, `channel`, `attempts`, `reached`)
		SELECT `municipality_id`, new.`date`, new.`channel`, 1, new.`outcome` = 'reached' FROM `enrollments` WHERE `id` = new.`enrollment_id`
		ON CONFLICT DO UPDATE SET `attempts` = `attempts` + 1, `reached` = `reached` + excluded.`reached`;
END;
--> statement-breakpoint
CREATE TRIGGER `contact_attempts_days_delete` AFTER DELETE ON `contact_attempts` BEGIN
	UPDATE `contact_attempt_days` SET `attempts` = `attempts` - 1, `reached` = `reached` - (old.`outcome` = 'reached')
		WHERE `municipality_id` = (SELECT `municipality_id` FROM `enrollments` WHERE `id` = old.`enrollment_id`) AND `day` = old.`date` AND `channel` = old.`channel`;
END;
--> statement-breakpoint
CREATE TRIGGER `contact_attempts_days_update` AFTER UPDATE OF `enrollment_id`, `date`, `channel`, `outcome` ON `contact_attempts` BEGIN
	UPDATE `contact_attempt_days` SET `attempts` = `attempts` - 1, `reached` = `reached` - (old.`outcome` = 'reached')
		WHERE `municipality_id` = (SELECT `municipality_id` FROM `enrollments` WHERE `id` = old.`enrollment_id`) AND `day` = old.`date` AND `channel` = old.`channel`;
	INSERT INTO `contact_attempt_days` (`municipality_id`, `day`, `channel`, `attempts`, `reached`)
		SELECT `municipality_id`, new.`date`, new.`channel`, 1, new.`outcome` = 'reached' FROM `enrollments` WHERE `id` = new.`enrollment_id`
		ON CONFLICT DO UPDATE SET `attempts` = `attempts` + 1, `reached` = `reached` + excluded.`reached`;
END;
--> statement-breakpoint
-- The enrollments that began in a period (new registrations, contact within four weeks, days to
-- first contact) without reading the rest of the register.
CREATE INDEX `follow_up_enrollments_start` ON `follow_up_enrollments` (`municipality_id`, `start_date`, `start_reason`, `first_reached_on`);
