-- Brighter outbox, SQLite, version 2 (on top of version 1).
-- Per partition key order: a claim skips a message while an earlier outstanding message of its
-- partition key cannot go with it; this index finds those earlier messages without reading other
-- keys' rows.
CREATE INDEX IF NOT EXISTS idx_${table}_Outstanding_PartitionKey ON ${table} (PartitionKey, Id)
  WHERE Dispatched IS NULL AND PartitionKey IS NOT NULL;
-- Cheaper writes: the causation and dispatch indexes hold only the rows their queries can find
-- (CausationId = ?, Dispatched <= ?), so a deposit writes two index entries fewer and marking a
-- message dispatched one fewer. They replace the version 1 indexes of the same columns.
CREATE INDEX IF NOT EXISTS idx_${table}_CausationId_Set ON ${table} (CausationId)
  WHERE CausationId IS NOT NULL;
DROP INDEX IF EXISTS idx_${table}_CausationId;
CREATE INDEX IF NOT EXISTS idx_${table}_Dispatched_Set ON ${table} (Dispatched, Timestamp)
  WHERE Dispatched IS NOT NULL;
DROP INDEX IF EXISTS idx_${table}_Dispatched_Timestamp;
