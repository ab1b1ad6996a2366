-- Brighter outbox, PostgreSQL, version 3 (on top of version 2): scheduled messages.
-- DueAt holds when a scheduled message (JdbcOutbox.schedule, a durable delay) is due. A sweep first
-- clears the DueAt of the messages due by then, which makes them outstanding; outstanding queries
-- and claims read only rows without one, so messages scheduled for later cost a sweep nothing.
ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS DueAt TIMESTAMPTZ NULL;
-- The messages waiting to be due, soonest first: what a sweep makes outstanding.
CREATE INDEX IF NOT EXISTS idx_${table}_Scheduled ON ${table} (DueAt)
  WHERE DueAt IS NOT NULL AND Dispatched IS NULL;
-- Outstanding oldest first, without the scheduled rows; replaces the version 1 index.
CREATE INDEX IF NOT EXISTS idx_${table}_Outstanding_Ready ON ${table} (Timestamp)
  WHERE Dispatched IS NULL AND DueAt IS NULL;
DROP INDEX IF EXISTS idx_${table}_Outstanding;
