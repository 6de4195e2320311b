-- An audit trail for the seeded rooms, as the app would have written it: ROOM_CREATED per room, ROUND_REVEALED per
-- revealed round, ROOM_DELETED per deleted room. Partitions are made for every month the data spans.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

SELECT create_monthly_partition('audit_log', month::date)
FROM generate_series(date_trunc('month', (SELECT min(created_at) FROM rooms) AT TIME ZONE 'UTC'),
                     date_trunc('month', now() AT TIME ZONE 'UTC'), interval '1 month') AS month;

INSERT INTO audit_log (occurred_at, action, actor_id, room_id, details)
SELECT created_at, 'ROOM_CREATED', owner_id, id, jsonb_build_object('title', title) FROM rooms;

INSERT INTO audit_log (occurred_at, action, actor_id, room_id, details)
SELECT r.revealed_at, 'ROUND_REVEALED', o.owner_id, r.room_id, jsonb_build_object('round', r.number::text)
FROM rounds r JOIN rooms o ON o.id = r.room_id
WHERE r.revealed_at IS NOT NULL;

INSERT INTO audit_log (occurred_at, action, actor_id, room_id)
SELECT deleted_at, 'ROOM_DELETED', owner_id, id FROM rooms WHERE deleted_at IS NOT NULL;

ANALYZE audit_log;
ANALYZE round_history;
