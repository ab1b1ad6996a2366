-- Brighter inbox, MySQL 8 and MariaDB 10.6+. Columns as .NET Brighter's inbox; keyed by (CommandId, ContextKey).
-- ${table} is replaced by the validated table name.
CREATE TABLE IF NOT EXISTS ${table} (
  CommandId VARCHAR(255) NOT NULL,
  CommandType VARCHAR(256) NULL,
  CommandBody TEXT NULL,
  Timestamp DATETIME(6) NULL,
  ContextKey VARCHAR(255) NOT NULL,
  CausationId VARCHAR(255) NULL,
  PRIMARY KEY (CommandId, ContextKey)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
