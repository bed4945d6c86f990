-- The register's open enrollments per municipality, kept by the same writes (issue 12): the register's
-- "ingen öppen inskrivning" filter counts youths − open enrollments instead of probing every youth.
-- An open enrollment belongs to its youth's home municipality (which cannot change), and a youth has
-- at most one (enrollments_one_open).
ALTER TABLE `register_sizes` ADD `open_enrollments` integer NOT NULL DEFAULT 0;
--> statement-breakpoint
INSERT INTO `register_sizes` (`municipality_id`, `youths`) SELECT DISTINCT `municipality_id`, 0 FROM `enrollments` WHERE true
	ON CONFLICT (`municipality_id`) DO NOTHING;
--> statement-breakpoint
UPDATE `register_sizes` SET `open_enrollments` = (SELECT count(*) FROM `enrollments` e WHERE e.`municipality_id` = `register_sizes`.`municipality_id` AND e.`end_date` IS NULL);
--> statement-breakpoint
CREATE TRIGGER `enrollments_open_count_insert` AFTER INSERT ON `enrollments` WHEN new.`end_date` IS NULL BEGIN
	INSERT INTO `register_sizes` (`municipality_id`, `youths`, `open_enrollments`) VALUES (new.`municipality_id`, 0, 1)
		ON CONFLICT (`municipality_id`) DO UPDATE SET `open_enrollments` = `open_enrollments` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `enrollments_open_count_update` AFTER UPDATE OF `end_date`, `municipality_id` ON `enrollments`
	WHEN (old.`end_date` IS NULL) IS NOT (new.`end_date` IS NULL) OR old.`municipality_id` IS NOT new.`municipality_id` BEGIN
	UPDATE `register_sizes` SET `open_enrollments` = `open_enrollments` - 1 WHERE old.`end_date` IS NULL AND `municipality_id` = old.`municipality_id`;
	INSERT INTO `register_sizes` (`municipality_id`, `youths`, `open_enrollments`) SELECT new.`municipality_id`, 0, 1 WHERE new.`end_date` IS NULL
		ON CONFLICT (`municipality_id`) DO UPDATE SET `open_enrollments` = `open_enrollments` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `enrollments_open_count_delete` AFTER DELETE ON `enrollments` WHEN old.`end_date` IS NULL BEGIN
	UPDATE `register_sizes` SET `open_enrollments` = `open_enrollments` - 1 WHERE `municipality_id` = old.`municipality_id`;
END;
