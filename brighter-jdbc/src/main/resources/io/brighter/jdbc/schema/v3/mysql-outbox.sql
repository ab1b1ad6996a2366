-- Brighter outbox, MySQL 8 and MariaDB 10.6+, version 3 (on top of version 2): scheduled messages.
-- DueAt holds when a scheduled message (JdbcOutbox.schedule, a durable delay) is due. A sweep first
-- clears the DueAt of the messages due by then, which makes them outstanding; outstanding queries
-- and claims read only rows without one. MySQL 8 has no ADD COLUMN IF NOT EXISTS nor CREATE INDEX
-- IF NOT EXISTS: createTableIfMissing passes over the errors of a column (1060) or an index (1061)
-- that exists; a migration tool applies this file once.
ALTER TABLE ${table} ADD COLUMN DueAt DATETIME(6) NULL;
-- The messages waiting to be due, soonest first: what a sweep makes outstanding.
CREATE INDEX idx_${table}_Scheduled ON ${table} (DueAt);
-- Outstanding oldest first, without the scheduled rows: both IS NULL tests fix their columns.
CREATE INDEX idx_${table}_Outstanding_Ready ON ${table} (Dispatched, DueAt, Timestamp);
