-- Brighter inbox, SQLite. Columns as .NET Brighter's inbox; keyed by (CommandId, ContextKey).
-- ${table} is replaced by the validated table name.
CREATE TABLE IF NOT EXISTS ${table} (
  CommandId TEXT NOT NULL,
  CommandType TEXT NULL,
  CommandBody TEXT NULL,
  Timestamp TEXT NULL,
  ContextKey TEXT NOT NULL,
  CausationId TEXT NULL,
  PRIMARY KEY (CommandId, ContextKey)
);
