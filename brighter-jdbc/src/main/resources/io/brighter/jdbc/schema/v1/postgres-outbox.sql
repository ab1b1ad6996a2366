-- Brighter outbox, PostgreSQL. Columns as .NET Brighter's outbox (binary payload), plus
-- HandledCount, DelayMilliseconds and LeasedUntil. ${table} is replaced by the validated table name.
CREATE TABLE IF NOT EXISTS ${table} (
  Id BIGSERIAL PRIMARY KEY,
  MessageId VARCHAR(255) NOT NULL UNIQUE,
  Topic VARCHAR(255) NULL,
  MessageType VARCHAR(32) NULL,
  Timestamp TIMESTAMPTZ NULL,
  CorrelationId VARCHAR(255) NULL,
  ReplyTo VARCHAR(255) NULL,
  ContentType VARCHAR(128) NULL,
  PartitionKey VARCHAR(128) NULL,
  WorkflowId VARCHAR(255) NULL,
  JobId VARCHAR(255) NULL,
  Dispatched TIMESTAMPTZ NULL,
  HeaderBag TEXT NULL,
  Body BYTEA NULL,
  Source VARCHAR(255) NULL,
  Type VARCHAR(255) NULL,
  DataSchema VARCHAR(255) NULL,
  Subject VARCHAR(255) NULL,
  TraceParent VARCHAR(255) NULL,
  TraceState VARCHAR(255) NULL,
  Baggage TEXT NULL,
  DataRef VARCHAR(255) NULL,
  CausationId VARCHAR(255) NULL,
  SpecVersion VARCHAR(255) NULL,
  HandledCount INT NOT NULL DEFAULT 0,
  DelayMilliseconds BIGINT NOT NULL DEFAULT 0,
  LeasedUntil TIMESTAMPTZ NULL
);
-- Outstanding oldest first (Dispatched IS NULL ORDER BY Timestamp) reads this partial index in
-- order and stops at the page size: PostgreSQL does not take IS NULL on the leading column of the
-- index below as fixing it, so that index would need a sort of every outstanding row.
CREATE INDEX IF NOT EXISTS idx_${table}_Outstanding ON ${table} (Timestamp) WHERE Dispatched IS NULL;
-- Dispatched before T (Dispatched <= T ORDER BY Dispatched) is a range scan of this index.
CREATE INDEX IF NOT EXISTS idx_${table}_Dispatched_Timestamp ON ${table} (Dispatched, Timestamp);
CREATE INDEX IF NOT EXISTS idx_${table}_CausationId ON ${table} (CausationId);
