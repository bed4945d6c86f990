-- Name search served by an index (issue 12): a trigram full-text index over each youth's
-- name_search key, so "contains" searches (LIKE '%sjö%') read only the matching names instead of
-- the whole register. The index is keyed by a stable integer of its own (youth_name_keys), not by
-- youths.rowid, which VACUUM may renumber on a table without an INTEGER PRIMARY KEY.
CREATE TABLE `youth_name_keys` (
	`key` integer PRIMARY KEY,
	`youth_id` text NOT NULL UNIQUE REFERENCES `youths`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `youth_name_search` USING fts5(name_search, tokenize = 'trigram');
--> statement-breakpoint
INSERT INTO `youth_name_keys` (`youth_id`) SELECT `id` FROM `youths` ORDER BY `rowid`;
--> statement-breakpoint
INSERT INTO `youth_name_search` (`rowid`, `name_search`) SELECT k.`key`, y.`name_search` FROM `youth_name_keys` k JOIN `youths` y ON y.`id` = k.`youth_id`;
--> statement-breakpoint
CREATE TRIGGER `youths_name_search_insert` AFTER INSERT ON `youths` BEGIN
	INSERT INTO `youth_name_keys` (`youth_id`) VALUES (new.`id`);
	INSERT INTO `youth_name_search` (`rowid`, `name_search`) SELECT `key`, new.`name_search` FROM `youth_name_keys` WHERE `youth_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `youths_name_search_update` AFTER UPDATE OF `name_search` ON `youths` BEGIN
	UPDATE `youth_name_search` SET `name_search` = new.`name_search` WHERE `rowid` = (SELECT `key` FROM `youth_name_keys` WHERE `youth_id` = new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `youths_name_search_delete` BEFORE DELETE ON `youths` BEGIN
	DELETE FROM `youth_name_search` WHERE `rowid` = (SELECT `key` FROM `youth_name_keys` WHERE `youth_id` = old.`id`);
	DELETE FROM `youth_name_keys` WHERE `youth_id` = old.`id`;
END;
--> statement-breakpoint
-- The register's size per municipality, kept by the same writes, so the start page never counts
-- a register of hundreds of thousands.
CREATE TABLE `register_sizes` (
	`municipality_id` integer PRIMARY KEY REFERENCES `municipalities`(`id`),
	`youths` integer NOT NULL DEFAULT 0
);
--> statement-breakpoint
INSERT INTO `register_sizes` (`municipality_id`, `youths`) SELECT `home_municipality_id`, count(*) FROM `youths` GROUP BY `home_municipality_id`;
--> statement-breakpoint
CREATE TRIGGER `youths_register_size_insert` AFTER INSERT ON `youths` BEGIN
	INSERT INTO `register_sizes` (`municipality_id`, `youths`) VALUES (new.`home_municipality_id`, 1)
		ON CONFLICT (`municipality_id`) DO UPDATE SET `youths` = `youths` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `youths_register_size_move` AFTER UPDATE OF `home_municipality_id` ON `youths` WHEN old.`home_municipality_id` IS NOT new.`home_municipality_id` BEGIN
	UPDATE `register_sizes` SET `youths` = `youths` - 1 WHERE `municipality_id` = old.`home_municipality_id`;
	INSERT INTO `register_sizes` (`municipality_id`, `youths`) VALUES (new.`home_municipality_id`, 1)
		ON CONFLICT (`municipality_id`) DO UPDATE SET `youths` = `youths` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `youths_register_size_delete` AFTER DELETE ON `youths` BEGIN
	UPDATE `register_sizes` SET `youths` = `youths` - 1 WHERE `municipality_id` = old.`home_municipality_id`;
END;
