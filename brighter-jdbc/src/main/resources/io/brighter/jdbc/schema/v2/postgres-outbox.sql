-- Brighter outbox, PostgreSQL, version 2 (on top of version 1): per partition key order.
-- A claim skips a message while an earlier outstanding message of its partition key cannot go
-- with it; this index finds those earlier messages without reading other keys' rows.
CREATE INDEX IF NOT EXISTS idx_${table}_Outstanding_PartitionKey ON ${table} (PartitionKey, Id)
  WHERE Dispatched IS NULL AND PartitionKey IS NOT NULL;
