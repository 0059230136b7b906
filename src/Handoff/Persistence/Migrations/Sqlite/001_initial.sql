-- Handoff schema, SQLite. Timestamps are ISO-8601 UTC text (fixed width, so they sort); lists are JSON text.
CREATE TABLE conversations (
    id                       TEXT    NOT NULL PRIMARY KEY,
    channel                  TEXT    NOT NULL,
    reference_json           TEXT    NULL,
    language                 TEXT    NOT NULL,
    player_id                TEXT    NULL,
    mode                     TEXT    NOT NULL,
    active_ticket_id         INTEGER NULL,
    state_json               TEXT    NOT NULL,
    version                  INTEGER NOT NULL,
    created_at               TEXT    NOT NULL,
    last_player_activity_at  TEXT    NOT NULL
);

CREATE TABLE messages (
    conversation_id  TEXT    NOT NULL,
    seq              INTEGER NOT NULL,
    external_id      TEXT    NULL,
    sender           TEXT    NOT NULL,
    sender_name      TEXT    NULL,
    text             TEXT    NOT NULL,
    payload_json     TEXT    NULL,
    internal         INTEGER NOT NULL,
    at               TEXT    NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);

CREATE UNIQUE INDEX ux_messages_external_id ON messages (conversation_id, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE tickets (
    id                     INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    conversation_id        TEXT    NOT NULL,
    channel                TEXT    NOT NULL,
    language               TEXT    NOT NULL,
    player_id              TEXT    NULL,
    account_snapshot_json  TEXT    NULL,
    reason                 TEXT    NOT NULL,
    priority               INTEGER NOT NULL,
    queue                  TEXT    NOT NULL,
    status                 TEXT    NOT NULL,
    assignee_id            TEXT    NULL,
    created_at             TEXT    NOT NULL,
    first_response_at      TEXT    NULL,
    closed_at              TEXT    NULL,
    sla_due_at             TEXT    NOT NULL,
    top_intents_json       TEXT    NOT NULL,
    articles_shown_json    TEXT    NOT NULL,
    tags_json              TEXT    NOT NULL,
    resolution_code        TEXT    NULL,
    csat_score             INTEGER NULL,
    csat_comment           TEXT    NULL,
    version                INTEGER NOT NULL
);

CREATE INDEX ix_tickets_waiting ON tickets (status, queue, priority DESC, created_at, id);
CREATE INDEX ix_tickets_conversation ON tickets (conversation_id);
CREATE INDEX ix_tickets_assignee ON tickets (assignee_id) WHERE assignee_id IS NOT NULL;

CREATE TABLE cursors (
    name        TEXT NOT NULL PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
