-- Brighter outbox, MySQL 8 and MariaDB 10.6+, version 2 (on top of version 1): per partition key
-- order. A claim skips a message while an earlier outstanding message of its partition key cannot
-- go with it; this index finds those earlier messages without reading other keys' rows. MySQL 8
-- has no CREATE INDEX IF NOT EXISTS: createTableIfMissing passes over the error of an index that
-- exists (1061); a migration tool applies this file once.
CREATE INDEX idx_${table}_PartitionKey ON ${table} (PartitionKey, Dispatched, CreatedID);
