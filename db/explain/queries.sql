-- The application's hot queries, as liberty-app/src/main/java/dev/scrumpoker/infrastructure/jpa/*.java issue them,
-- each under EXPLAIN (ANALYZE, BUFFERS). Run by db/explain/run.sh on the data of seed.sql.
--
-- ?N placeholders are replaced by psql variables chosen below from the seeded data; :'x' substitutes a quoted
-- literal of unknown type, which PostgreSQL resolves exactly as it resolves the untyped or varchar parameters
-- pgJDBC binds. JPQL queries and em.find() appear as EclipseLink 4 translates them for PostgreSQL.
-- A later section repeats the parameterised queries as server-side prepared statements with generic plans: after
-- five executions pgJDBC (prepareThreshold=5) switches to named statements, whose generic plan PostgreSQL may reuse.
-- The other writes of the play path (retract, clear, reveal, new round, seat changes) come last.

\set ON_ERROR_STOP on
\pset pager off
SET client_min_messages = warning;

\echo '== Server and data'
SELECT version();
SELECT (SELECT count(*) FROM users) AS users,
       (SELECT count(*) FROM users WHERE NOT guest) AS registered,
       (SELECT count(*) FROM rooms) AS rooms,
       (SELECT count(*) FROM rooms WHERE deleted_at IS NOT NULL) AS deleted_rooms,
       (SELECT count(*) FROM participants) AS participants,
       (SELECT count(*) FROM rounds) AS rounds,
       (SELECT count(*) FROM rounds WHERE revealed_at IS NOT NULL) AS revealed_rounds,
       (SELECT count(*) FROM votes) AS votes;
SELECT relname AS relation, pg_size_pretty(pg_total_relation_size(oid)) AS total_size
FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname;

-- Parameters -----------------------------------------------------------------------------------------------------
-- A typical room in play: open (not deleted), 10 seats, rounds 1-5 revealed and round 6 open.
SELECT r.id AS room, 6 AS open_round
FROM rooms r
WHERE r.deleted_at IS NULL
  AND (SELECT count(*) FROM participants p WHERE p.room_id = r.id) = 10
  AND (SELECT max(number) FROM rounds o WHERE o.room_id = r.id) = 6
ORDER BY r.id LIMIT 1 \gset
-- A voting seat of that room that has not voted in the open round yet (the INSERT path of the upsert) ...
SELECT p.id AS new_voter FROM participants p
WHERE p.room_id = :'room' AND p.role = 'VOTER' AND NOT p.banned
  AND NOT EXISTS (SELECT FROM votes v WHERE v.room_id = p.room_id AND v.round_number = :open_round
                                        AND v.participant_id = p.id)
ORDER BY p.joined_at LIMIT 1 \gset
-- ... and one that has (the DO UPDATE path: changing one's card).
SELECT participant_id AS changing_voter FROM votes
WHERE room_id = :'room' AND round_number = :open_round ORDER BY cast_at LIMIT 1 \gset
SELECT user_id AS changing_user FROM participants WHERE id = :'changing_voter' \gset
-- The open room with the longest revealed history, and the cursors of its history pages of 20.
SELECT room_id AS long_room FROM rounds r
WHERE revealed_at IS NOT NULL AND EXISTS (SELECT FROM rooms WHERE id = r.room_id AND deleted_at IS NULL)
GROUP BY room_id ORDER BY count(*) DESC, room_id LIMIT 1 \gset
SELECT number AS history_before, revealed_at AS history_before_at FROM round_history WHERE room_id = :'long_room'
ORDER BY revealed_at DESC, number DESC OFFSET 19 LIMIT 1 \gset
-- The account with the most open rooms (worst case of "my rooms"), an ordinary one, and page 2's cursor.
SELECT owner_id AS busy_owner FROM rooms WHERE deleted_at IS NULL
GROUP BY owner_id ORDER BY count(*) DESC LIMIT 1 \gset
SELECT owner_id AS usual_owner FROM rooms WHERE deleted_at IS NULL
GROUP BY owner_id HAVING count(*) = 3 ORDER BY owner_id LIMIT 1 \gset
SELECT created_at AS after_created_at, id AS after_id FROM rooms
WHERE owner_id = :'busy_owner' AND deleted_at IS NULL
ORDER BY created_at DESC, id DESC OFFSET 19 LIMIT 1 \gset
-- A registered account's (normalised) e-mail.
SELECT email FROM users WHERE NOT guest ORDER BY id LIMIT 1 \gset
\echo 'parameters: room=' :room ' open_round=' :open_round ' long_room=' :long_room ' history_before=(' :history_before_at ',' :history_before ')'
\echo 'parameters: busy_owner=' :busy_owner ' usual_owner=' :usual_owner ' after=(' :after_created_at ',' :after_id ')'
\echo 'parameters: email=' :email

-- Playing a round ------------------------------------------------------------------------------------------------

\echo '== JpaVoteRepository.record: vote upsert, new vote (INSERT path)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS)
INSERT INTO votes (room_id, round_number, participant_id, card_value, cast_at)
VALUES (:'room', :open_round, CAST(:'new_voter' AS uuid), '5', '2025-11-26 09:00:00+00')
ON CONFLICT (room_id, round_number, participant_id)
DO UPDATE SET card_value = EXCLUDED.card_value, cast_at = EXCLUDED.cast_at;
ROLLBACK;

\echo '== JpaVoteRepository.record: vote upsert, changed vote (DO UPDATE path)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS)
INSERT INTO votes (room_id, round_number, participant_id, card_value, cast_at)
VALUES (:'room', :open_round, CAST(:'changing_voter' AS uuid), '8', '2025-11-26 09:00:05+00')
ON CONFLICT (room_id, round_number, participant_id)
DO UPDATE SET card_value = EXCLUDED.card_value, cast_at = EXCLUDED.cast_at;
ROLLBACK;

\echo '== JpaVoteRepository.cardsOf: votes of a round (room load and reveal)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT participant_id, card_value FROM votes
WHERE room_id = :'room' AND round_number = :open_round ORDER BY cast_at;

\echo '== JpaParticipantRepository.ofRoom: seats of a room (room load)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, room_id, user_id, display_name, role, host, seated, banned, joined_at
FROM participants WHERE room_id = :'room' ORDER BY joined_at, id;

\echo '== JpaRoundRepository.latest: latest round of a room (room load)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT room_id, number, story_title, started_at, revealed_at, vote_count, average, median, min_value, max_value, mode, consensus FROM rounds WHERE room_id = :'room' ORDER BY number DESC LIMIT 1;

\echo '== JpaRoomRepository.find: room by id (em.find(Room.class, id), room load and every room request)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT ID, CARDS, created_at, deck, deleted_at, invite_key, owner_id, PRIVACY, TITLE FROM rooms WHERE (ID = :'room');

-- Accounts and "my rooms" ----------------------------------------------------------------------------------------

\echo '== JpaUserRepository.findByEmail: login and register check (JPQL SELECT u FROM User u WHERE u.email = :email)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT ID, created_at, display_name, EMAIL, GUEST, password_hash, TIER FROM users WHERE (EMAIL = :'email');

\echo '== JpaRoomRepository.countOpenOwnedBy: tier limit on room creation, busiest account (JPQL COUNT(r))'
EXPLAIN (ANALYZE, BUFFERS)
SELECT COUNT(ID) FROM rooms WHERE ((owner_id = :'busy_owner') AND (deleted_at IS NULL));

\echo '== JpaRoomRepository.countOpenOwnedBy: ordinary account'
EXPLAIN (ANALYZE, BUFFERS)
SELECT COUNT(ID) FROM rooms WHERE ((owner_id = :'usual_owner') AND (deleted_at IS NULL));

\echo '== JpaRoomRepository.ownedBy: my rooms, first page of 20 (limit + 1 = 21), busiest account'
EXPLAIN (ANALYZE, BUFFERS)
SELECT * FROM rooms WHERE owner_id = CAST(:'busy_owner' AS uuid) AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 21;

\echo '== JpaRoomRepository.ownedBy: my rooms, next page (keyset cursor), busiest account'
EXPLAIN (ANALYZE, BUFFERS)
SELECT * FROM rooms WHERE owner_id = CAST(:'busy_owner' AS uuid) AND deleted_at IS NULL AND (created_at, id) < (:'after_created_at', :'after_id') ORDER BY created_at DESC, id DESC LIMIT 21;

-- Round history --------------------------------------------------------------------------------------------------

\echo '== JpaRoundHistory.newest: history, first page (limit + 1 = 21)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT room_id, number, story_title, started_at, revealed_at, vote_count, average, median, min_value, max_value, mode, consensus, CAST(votes AS text) FROM round_history WHERE room_id = :'long_room' AND (revealed_at, number) < ('9999-12-31 00:00:00+00', 2147483647) ORDER BY revealed_at DESC, number DESC LIMIT 21;

\echo '== JpaRoundHistory.newest: history, next page (keyset on revealed_at, number)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT room_id, number, story_title, started_at, revealed_at, vote_count, average, median, min_value, max_value, mode, consensus, CAST(votes AS text) FROM round_history WHERE room_id = :'long_room' AND (revealed_at, number) < (:'history_before_at', :history_before) ORDER BY revealed_at DESC, number DESC LIMIT 21;

\echo '== JpaRoundHistory.nthNewest: oldest round a FREE plan shows (n = 20, OFFSET 19)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT number FROM round_history WHERE room_id = :'long_room' ORDER BY revealed_at DESC, number DESC OFFSET 19 LIMIT 1;

-- Audit trail ----------------------------------------------------------------------------------------------------

\echo '== JpaAuditLog.ofRoom: a room audit trail, first page (limit + 1 = 21)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, occurred_at, action, actor_id, room_id, subject_id, CAST(details AS text) FROM audit_log
WHERE room_id = :'long_room' AND (occurred_at, id) < ('9999-12-31 00:00:00+00', 9223372036854775807)
ORDER BY occurred_at DESC, id DESC LIMIT 21;

-- Generic plans of the same statements ---------------------------------------------------------------------------
-- Parameter types as pgJDBC and EclipseLink bind them: String -> varchar, int -> int4, Timestamp -> unspecified,
-- UUID (EclipseLink) -> uuid. force_generic_plan shows the plan a reused named statement may settle on.

SET plan_cache_mode = force_generic_plan;

\echo '== [generic] JpaVoteRepository.record'
PREPARE record_vote(varchar, int4, varchar, varchar, unknown) AS
INSERT INTO votes (room_id, round_number, participant_id, card_value, cast_at)
VALUES ($1, $2, CAST($3 AS uuid), $4, $5)
ON CONFLICT (room_id, round_number, participant_id)
DO UPDATE SET card_value = EXCLUDED.card_value, cast_at = EXCLUDED.cast_at;
BEGIN;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE record_vote(:'room', :open_round, :'changing_voter', '8', '2025-11-26 09:00:05+00');
ROLLBACK;

\echo '== [generic] JpaVoteRepository.cardsOf'
PREPARE cards_of(varchar, int4) AS
SELECT participant_id, card_value FROM votes
WHERE room_id = $1 AND round_number = $2 ORDER BY cast_at;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE cards_of(:'room', :open_round);

\echo '== [generic] JpaParticipantRepository.ofRoom'
PREPARE of_room(varchar) AS
SELECT id, room_id, user_id, display_name, role, host, seated, banned, joined_at
FROM participants WHERE room_id = $1 ORDER BY joined_at, id;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE of_room(:'room');

\echo '== [generic] JpaRoundRepository.latest'
PREPARE latest(varchar) AS
SELECT room_id, number, story_title, started_at, revealed_at, vote_count, average, median, min_value, max_value, mode, consensus FROM rounds WHERE room_id = $1 ORDER BY number DESC LIMIT 1;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE latest(:'room');

\echo '== [generic] JpaRoomRepository.countOpenOwnedBy, busiest account'
PREPARE count_open(uuid) AS
SELECT COUNT(ID) FROM rooms WHERE ((owner_id = $1) AND (deleted_at IS NULL));
EXPLAIN (ANALYZE, BUFFERS) EXECUTE count_open(:'busy_owner');

\echo '== [generic] JpaRoomRepository.ownedBy, next page, busiest account'
PREPARE owned_by_after(varchar, unknown, varchar, int4) AS
SELECT * FROM rooms WHERE owner_id = CAST($1 AS uuid) AND deleted_at IS NULL AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE owned_by_after(:'busy_owner', :'after_created_at', :'after_id', 21);

\echo '== [generic] JpaRoundHistory.newest, next page'
PREPARE history_newest(varchar, unknown, int4, int4) AS
SELECT room_id, number, story_title, started_at, revealed_at, vote_count, average, median, min_value, max_value, mode, consensus, CAST(votes AS text) FROM round_history WHERE room_id = $1 AND (revealed_at, number) < ($2, $3) ORDER BY revealed_at DESC, number DESC LIMIT $4;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE history_newest(:'long_room', :'history_before_at', :history_before, 21);

\echo '== [generic] JpaRoundHistory.nthNewest'
PREPARE nth_newest(varchar, int4) AS
SELECT number FROM round_history WHERE room_id = $1 ORDER BY revealed_at DESC, number DESC OFFSET $2 LIMIT 1;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE nth_newest(:'long_room', 19);

\echo '== [generic] JpaAuditLog.ofRoom'
PREPARE audit_of_room(varchar, unknown, int8, int4) AS
SELECT id, occurred_at, action, actor_id, room_id, subject_id, CAST(details AS text) FROM audit_log
WHERE room_id = $1 AND (occurred_at, id) < ($2, $3) ORDER BY occurred_at DESC, id DESC LIMIT $4;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE audit_of_room(:'long_room', '9999-12-31 00:00:00+00', 9223372036854775807, 21);

\echo '== [generic] JpaUserRepository.findByEmail'
PREPARE find_by_email(varchar) AS
SELECT ID, created_at, display_name, EMAIL, GUEST, password_hash, TIER FROM users WHERE (EMAIL = $1);
EXPLAIN (ANALYZE, BUFFERS) EXECUTE find_by_email(:'email');

RESET plan_cache_mode;

-- Other writes on the play path (all by primary key) --------------------------------------------------------------
-- Last, because even rolled back they clear visibility-map bits, which would vary the index-only scans above.

\echo '== JpaVoteRepository.retract: take back a vote'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS)
DELETE FROM votes WHERE room_id = :'room' AND round_number = :open_round AND participant_id = CAST(:'changing_voter' AS uuid);
ROLLBACK;

\echo '== JpaVoteRepository.clear: reset the open round'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS)
DELETE FROM votes WHERE room_id = :'room' AND round_number = :open_round;
ROLLBACK;

\echo '== JpaRoundRepository.markRevealed: reveal the open round'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS)
UPDATE rounds SET revealed_at = '2025-11-26 09:01:00+00', vote_count = 5, average = CAST('4.6' AS numeric),
    median = CAST('5' AS numeric), min_value = CAST('3' AS numeric), max_value = CAST('5' AS numeric),
    mode = CAST('5' AS text), consensus = CAST('false' AS boolean)
WHERE room_id = :'room' AND number = :open_round;
ROLLBACK;

\echo '== JpaRoundRepository.start: next round (and round 1 in RoomService.create)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS)
INSERT INTO rounds (room_id, number, story_title, started_at) VALUES (:'room', :open_round + 1, 'PROJ-4711 Dark mode', '2025-11-26 09:02:00+00');
ROLLBACK;

\echo '== JpaParticipantRepository.save: a seat changes (leave, host change: DO UPDATE path)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS)
INSERT INTO participants (id, room_id, user_id, display_name, role, host, seated, banned, joined_at)
VALUES (CAST(:'changing_voter' AS uuid), :'room', CAST(:'changing_user' AS uuid), 'Rosa K.', 'VOTER', false, false, false, '2025-11-26 09:00:00+00')
ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
    host = EXCLUDED.host, seated = EXCLUDED.seated, banned = EXCLUDED.banned;
ROLLBACK;

\echo '== JpaParticipantRepository.save: a new seat (INSERT path)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS)
INSERT INTO participants (id, room_id, user_id, display_name, role, host, seated, banned, joined_at)
VALUES (CAST('8f14e45f-ceea-467a-9575-3c9a1b2d3e4f' AS uuid), :'room', CAST(:'usual_owner' AS uuid), 'Rosa K.', 'VOTER', false, true, false, '2025-11-26 09:00:00+00')
ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
    host = EXCLUDED.host, seated = EXCLUDED.seated, banned = EXCLUDED.banned;
ROLLBACK;
