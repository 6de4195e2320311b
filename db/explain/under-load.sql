-- The hot statements as the application issues them, explained against the live database while a load
-- test runs (docs/performance-benchmarks.md). Writes are rolled back. Run as the app user:
--   PGPASSWORD=scrumpoker psql -h 127.0.0.1 -U scrumpoker scrumpoker -f db/explain/under-load.sql
\pset pager off
SELECT count(*) AS rooms FROM rooms; SELECT count(*) AS votes FROM votes; SELECT count(*) AS participants FROM participants;
SELECT v.room_id, v.round_number, v.participant_id FROM votes v ORDER BY v.cast_at DESC LIMIT 1 \gset
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
INSERT INTO votes (room_id, round_number, participant_id, card_value, cast_at)
VALUES (:'room_id', :round_number, CAST(:'participant_id' AS uuid), '5', now())
ON CONFLICT (room_id, round_number, participant_id) DO UPDATE SET card_value = EXCLUDED.card_value, cast_at = EXCLUDED.cast_at;
ROLLBACK;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT participant_id, card_value FROM votes WHERE room_id = :'room_id' AND round_number = :round_number ORDER BY cast_at;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT room_id, number, story_title, started_at, revealed_at FROM rounds WHERE room_id = :'room_id' ORDER BY number DESC LIMIT 1;
SELECT r.owner_id FROM rooms r WHERE r.id = :'room_id' \gset
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM rooms WHERE owner_id = CAST(:'owner_id' AS uuid) AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 21;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT number FROM rounds WHERE room_id = :'room_id' AND revealed_at IS NOT NULL AND number < 2147483647 ORDER BY number DESC LIMIT 11;
