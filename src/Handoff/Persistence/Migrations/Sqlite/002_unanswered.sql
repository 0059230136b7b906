-- Player messages the bot could not answer (declined, not understood, asked to clarify): what the knowledge base lacks.
CREATE TABLE unanswered (
    id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    conversation_id  TEXT    NOT NULL,
    language         TEXT    NOT NULL,
    text             TEXT    NOT NULL,
    outcome          TEXT    NOT NULL,
    at               TEXT    NOT NULL
);

CREATE INDEX ix_unanswered_at ON unanswered (at);
