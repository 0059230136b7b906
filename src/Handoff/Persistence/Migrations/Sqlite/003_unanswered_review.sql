-- A supervisor's review of an unanswered message: taught to an article, added to the out-of-scope examples, or
-- dismissed. Reviewed messages leave the dashboard's to-do list but still count in its statistics.
ALTER TABLE unanswered ADD COLUMN reviewed_as TEXT NULL;
ALTER TABLE unanswered ADD COLUMN reviewed_by TEXT NULL;
ALTER TABLE unanswered ADD COLUMN reviewed_at TEXT NULL;
