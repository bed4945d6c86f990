-- The revision history of assessments, plans and interventions is what an auditor reads: append-only.
CREATE TRIGGER `documentation_revisions_no_update` BEFORE UPDATE ON `documentation_revisions`
BEGIN
  SELECT RAISE(ABORT, 'Ändringshistorik kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `documentation_revisions_no_delete` BEFORE DELETE ON `documentation_revisions`
BEGIN
  SELECT RAISE(ABORT, 'Ändringshistorik kan inte tas bort');
END;
--> statement-breakpoint
-- Consents are never deleted; a withdrawal is recorded on the row.
CREATE TRIGGER `consents_no_delete` BEFORE DELETE ON `consents`
BEGIN
  SELECT RAISE(ABORT, 'Samtycken kan inte tas bort');
END;
