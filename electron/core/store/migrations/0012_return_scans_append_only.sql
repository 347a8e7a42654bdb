-- Scans and grades at the returns bench are the record of what came back: never changed, never removed.
CREATE TRIGGER `return_scans_no_update` BEFORE UPDATE ON `return_scans` BEGIN
  SELECT RAISE(ABORT, 'return scans are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `return_scans_no_delete` BEFORE DELETE ON `return_scans` BEGIN
  SELECT RAISE(ABORT, 'return scans are append-only');
END;
