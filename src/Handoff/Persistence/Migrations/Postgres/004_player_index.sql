-- A player's data request (export) finds their conversations and tickets without scanning the tables.
CREATE INDEX ix_conversations_player ON conversations (player_id) WHERE player_id IS NOT NULL;
CREATE INDEX ix_tickets_player ON tickets (player_id) WHERE player_id IS NOT NULL;
