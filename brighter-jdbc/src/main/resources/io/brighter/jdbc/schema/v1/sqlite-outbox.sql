-- Brighter outbox, SQLite (times are UTC ISO-8601 text of fixed width). Columns as .NET Brighter's outbox (binary payload), plus
-- HandledCount, DelayMilliseconds and LeasedUntil. ${table} is replaced by the validated table name.
CREATE TABLE IF NOT EXISTS ${table} (
  Id INTEGER PRIMARY KEY AUTOINCREMENT,
  MessageId TEXT NOT NULL UNIQUE,
  Topic TEXT NULL,
  MessageType TEXT NULL,
  Timestamp TEXT NULL,
  CorrelationId TEXT NULL,
  ReplyTo TEXT NULL,
  ContentType TEXT NULL,
  PartitionKey TEXT NULL,
  WorkflowId TEXT NULL,
  JobId TEXT NULL,
  Dispatched TEXT NULL,
  HeaderBag TEXT NULL,
  Body BLOB NULL,
  Source TEXT NULL,
  Type TEXT NULL,
  DataSchema TEXT NULL,
  Subject TEXT NULL,
  TraceParent TEXT NULL,
  TraceState TEXT NULL,
  Baggage TEXT NULL,
  DataRef TEXT NULL,
  CausationId TEXT NULL,
  SpecVersion TEXT NULL,
  HandledCount INTEGER NOT NULL DEFAULT 0,
  DelayMilliseconds INTEGER NOT NULL DEFAULT 0,
  LeasedUntil TEXT NULL
);
-- Outstanding oldest first (Dispatched IS NULL ORDER BY Timestamp) and dispatched before T
-- (Dispatched <= T ORDER BY Dispatched) are both range scans of this index.
CREATE INDEX IF NOT EXISTS idx_${table}_Dispatched_Timestamp ON ${table} (Dispatched, Timestamp);
CREATE INDEX IF NOT EXISTS idx_${table}_CausationId ON ${table} (CausationId);
