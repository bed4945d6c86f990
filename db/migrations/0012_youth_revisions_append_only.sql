-- The youth register's revision history is evidence of who changed what: append-only, like the
-- documentation history and the access log.
CREATE TRIGGER `youth_revisions_no_update` BEFORE UPDATE ON `youth_revisions`
BEGIN
  SELECT RAISE(ABORT, 'Ändringshistoriken kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `youth_revisions_no_delete` BEFORE DELETE ON `youth_revisions`
BEGIN
  SELECT RAISE(ABORT, 'Ändringshistoriken kan inte tas bort');
END;
--> statement-breakpoint
-- A consent is recorded once and then only withdrawn: its terms never change, and a withdrawal is final.
CREATE TRIGGER `consents_terms_no_update` BEFORE UPDATE ON `consents`
WHEN OLD.`withdrawn_date` IS NOT NULL
  OR NEW.`youth_id` IS NOT OLD.`youth_id` OR NEW.`municipality_id` IS NOT OLD.`municipality_id`
  OR NEW.`given_by` IS NOT OLD.`given_by` OR NEW.`guardian_name` IS NOT OLD.`guardian_name`
  OR NEW.`maturity_note` IS NOT OLD.`maturity_note` OR NEW.`method` IS NOT OLD.`method`
  OR NEW.`document_ref` IS NOT OLD.`document_ref` OR NEW.`purpose` IS NOT OLD.`purpose`
  OR NEW.`valid_from` IS NOT OLD.`valid_from` OR NEW.`valid_until` IS NOT OLD.`valid_until`
  OR NEW.`recorded_by_membership_id` IS NOT OLD.`recorded_by_membership_id` OR NEW.`recorded_at` IS NOT OLD.`recorded_at`
BEGIN
  SELECT RAISE(ABORT, 'Ett samtycke kan inte ändras, bara återkallas');
END;
