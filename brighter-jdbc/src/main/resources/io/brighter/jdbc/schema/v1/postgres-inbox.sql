-- Brighter inbox, PostgreSQL. Columns as .NET Brighter's inbox; keyed by (CommandId, ContextKey).
-- ${table} is replaced by the validated table name.
CREATE TABLE IF NOT EXISTS ${table} (
  CommandId VARCHAR(255) NOT NULL,
  CommandType VARCHAR(256) NULL,
  CommandBody TEXT NULL,
  Timestamp TIMESTAMPTZ NULL,
  ContextKey VARCHAR(255) NOT NULL,
  CausationId VARCHAR(255) NULL,
  PRIMARY KEY (CommandId, ContextKey)
);
