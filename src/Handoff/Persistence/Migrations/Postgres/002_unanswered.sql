-- Player messages the bot could not answer (declined, not understood, asked to clarify): what the knowledge base lacks.
CREATE TABLE unanswered (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id  text        NOT NULL,
    language         text        NOT NULL,
    text             text        NOT NULL,
    outcome          text        NOT NULL,
    at               timestamptz NOT NULL
);

CREATE INDEX ix_unanswered_at ON unanswered (at);
