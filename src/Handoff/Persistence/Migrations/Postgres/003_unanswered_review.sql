-- A supervisor's review of an unanswered message: taught to an article, added to the out-of-scope examples, or
-- dismissed. Reviewed messages leave the dashboard's to-do list but still count in its statistics.
ALTER TABLE unanswered ADD COLUMN reviewed_as text NULL;
ALTER TABLE unanswered ADD COLUMN reviewed_by text NULL;
ALTER TABLE unanswered ADD COLUMN reviewed_at timestamptz NULL;
