-- What was shared, with whom and on which consent is evidence: the rows are never deleted, and the
-- recipients and sections of a consent or referral never change after it is recorded.
CREATE TRIGGER `consent_recipients_no_change` BEFORE UPDATE ON `consent_recipients`
BEGIN
  SELECT RAISE(ABORT, 'Ett samtyckes mottagare kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `consent_recipients_no_delete` BEFORE DELETE ON `consent_recipients`
BEGIN
  SELECT RAISE(ABORT, 'Ett samtyckes mottagare kan inte tas bort');
END;
--> statement-breakpoint
CREATE TRIGGER `consent_sections_no_change` BEFORE UPDATE ON `consent_sections`
BEGIN
  SELECT RAISE(ABORT, 'Ett samtyckes avsnitt kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `consent_sections_no_delete` BEFORE DELETE ON `consent_sections`
BEGIN
  SELECT RAISE(ABORT, 'Ett samtyckes avsnitt kan inte tas bort');
END;
--> statement-breakpoint
CREATE TRIGGER `referral_sections_no_change` BEFORE UPDATE ON `referral_sections`
BEGIN
  SELECT RAISE(ABORT, 'En remiss avsnitt kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `referral_sections_no_delete` BEFORE DELETE ON `referral_sections`
BEGIN
  SELECT RAISE(ABORT, 'En remiss avsnitt kan inte tas bort');
END;
--> statement-breakpoint
CREATE TRIGGER `referrals_no_delete` BEFORE DELETE ON `referrals`
BEGIN
  SELECT RAISE(ABORT, 'Remisser kan inte tas bort');
END;
--> statement-breakpoint
CREATE TRIGGER `referral_feedback_no_change` BEFORE UPDATE ON `referral_feedback`
BEGIN
  SELECT RAISE(ABORT, 'Återkoppling kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `referral_feedback_no_delete` BEFORE DELETE ON `referral_feedback`
BEGIN
  SELECT RAISE(ABORT, 'Återkoppling kan inte tas bort');
END;
--> statement-breakpoint
CREATE TRIGGER `concern_reports_no_delete` BEFORE DELETE ON `concern_reports`
BEGIN
  SELECT RAISE(ABORT, 'Orosanmälningar kan inte tas bort');
END;
