-- Realistic volume for EXPLAIN runs (db/explain/run.sh): ~50k users, 100k rooms, ~1M votes.
-- Reproducible: setseed() fixes random(), ids are derived from sequence numbers (md5 -> uuid, base-56 room codes),
-- and every timestamp is relative to a fixed anchor. Runs in well under a minute on 2 cores.
--
-- Shape of the data:
--   users         50,000: 40,000 registered (lower-case e-mail, password hash), 10,000 guests.
--   rooms        100,000: one TEAM account with ~5,300 rooms, 100 PRO/TEAM accounts with 150 rooms each,
--                         ~39,900 accounts with 1-3 rooms; ~5% soft-deleted.
--   played rooms  ~20,000 (20%): 6-14 participants, 1-10 rounds; ~1% of them (~200) are long-running team rooms
--                         with 60-180 rounds. Every other room has its owner's seat and its open round 1 only,
--                         as RoomService.create leaves it.
--   rounds       ~214,000: the latest round of a room is open, with votes coming in; ~3% of the others were
--                         skipped unrevealed; the rest are revealed, with statistics as RoundStatistics.of computes.
--   votes      ~1,000,000: each voting, unbanned seat votes in ~90% of revealed rounds and ~50% of open ones.

\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET work_mem = '256MB';
SELECT setseed(0.2024);

-- No autovacuum while loading: it would compete for the 2 cores and vacuum at times that vary from run to run.
-- (synchronous_commit stays on: after asynchronous commits, the VACUUM at the end may find commits not yet flushed,
-- set no hint bits and leave pages out of the visibility map, which turns index-only scans into heap fetches.)
ALTER TABLE users SET (autovacuum_enabled = false);
ALTER TABLE rooms SET (autovacuum_enabled = false);
ALTER TABLE participants SET (autovacuum_enabled = false);
ALTER TABLE rounds SET (autovacuum_enabled = false);
ALTER TABLE votes SET (autovacuum_enabled = false);

-- Room codes as RoomCode makes them: 8 characters of a 56-letter alphabet. Multiplying by a number coprime to
-- 56^8 modulo 56^8 is a bijection, so distinct sequence numbers give distinct, random-looking codes.
CREATE FUNCTION pg_temp.room_code(n bigint) RETURNS varchar(8) LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(substr('23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ',
                             (((n * 961748941) % 96717311574016) / (56::bigint ^ k)::bigint % 56)::int + 1, 1), ''
                      ORDER BY k)
    FROM generate_series(0, 7) AS k
$$;
CREATE FUNCTION pg_temp.user_id(n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT md5('user-' || n)::uuid
$$;

CREATE TEMP TABLE seed_anchor AS SELECT timestamptz '2025-11-26 09:00:00+00' AS now;

-- Users ---------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE seed_users AS
SELECT n,
       pg_temp.user_id(n) AS id,
       (ARRAY['Alice','Bob','Chen','Dmitri','Eva','Farah','Gustavo','Hana','Ivan','Jonas','Kemal','Lea','Mateo',
              'Nadia','Oskar','Priya','Quentin','Rosa','Sven','Tamar','Uma','Viktor','Wen','Ximena','Yusuf','Zoe'])
           [1 + floor(random() * 26)::int] AS first_name,
       (ARRAY['Anders','Becker','Costa','Dubois','Eriksen','Fischer','Garcia','Huber','Ito','Jensen','Kowalski',
              'Lopez','Müller','Nakamura','Olsen','Petrov','Rossi','Schmidt','Tanaka','Varga','Weber','Yilmaz'])
           [1 + floor(random() * 22)::int] AS last_name,
       n > 40000 AS guest,
       CASE WHEN n = 1 THEN 'TEAM'
            WHEN n <= 101 THEN CASE WHEN n % 2 = 0 THEN 'PRO' ELSE 'TEAM' END
            WHEN n > 40000 THEN 'FREE'
            ELSE (ARRAY['FREE','FREE','FREE','FREE','FREE','FREE','FREE','FREE','FREE','PRO','PRO','TEAM'])
                     [1 + floor(random() * 12)::int]
       END AS tier,
       (SELECT now FROM seed_anchor) - random() * interval '1095 days' AS created_at
FROM generate_series(1, 50000) AS n;

INSERT INTO users (id, display_name, email, password_hash, guest, tier, created_at)
SELECT id,
       first_name || ' ' || left(last_name, 1) || '.',
       CASE WHEN NOT guest THEN lower(first_name || '.' || last_name || n) || '@'
           || (ARRAY['example.com','example.org','acme.test','corp.example','mail.example'])[1 + n % 5] END,
       CASE WHEN NOT guest THEN 'pbkdf2-sha256$210000$' || encode(decode(md5('salt' || n), 'hex'), 'base64')
           || '$' || encode(sha256(('pw' || n)::bytea), 'base64') END,
       guest, tier, created_at
FROM seed_users
ORDER BY created_at;

-- Rooms ---------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE seed_owners AS
SELECT n AS owner_n,
       CASE WHEN n <= 101 THEN 150 ELSE 1 + floor(random() * 3)::int END AS rooms
FROM generate_series(2, 40000) AS n;
-- The busiest account takes whatever brings the total to exactly 100,000 rooms.
INSERT INTO seed_owners SELECT 1, 100000 - sum(rooms) FROM seed_owners;

CREATE TEMP TABLE seed_rooms AS
WITH owned AS (
    SELECT o.owner_n, u.created_at AS owner_since, g AS k
    FROM seed_owners o
    JOIN seed_users u ON u.n = o.owner_n
    CROSS JOIN LATERAL generate_series(1, o.rooms) AS g
), dated AS (
    SELECT owner_n, owner_since + random() * ((SELECT now FROM seed_anchor) - owner_since) AS created_at
    FROM owned
), numbered AS (
    SELECT row_number() OVER (ORDER BY created_at, owner_n) AS n, owner_n, created_at FROM dated
)
SELECT n, pg_temp.room_code(n) AS id, owner_n, created_at,
       (ARRAY['FIBONACCI','FIBONACCI','FIBONACCI','FIBONACCI','FIBONACCI','MODIFIED_FIBONACCI',
              'MODIFIED_FIBONACCI','MODIFIED_FIBONACCI','TSHIRT','POWERS_OF_2'])[1 + floor(random() * 10)::int] AS deck,
       random() < 0.05 AS deleted,
       random() < 0.7 AS public,
       random() < 0.20 AS played,
       random() AS size_pick, random() AS rounds_pick, random() AS long_pick
FROM numbered;
-- Seats and rounds per room are columns here: a volatile bound inside LATERAL generate_series() may be memoized.
ALTER TABLE seed_rooms ADD COLUMN seats int, ADD COLUMN rounds int;
UPDATE seed_rooms
SET seats  = CASE WHEN played THEN 6 + floor(size_pick * 9)::int ELSE 1 END,
    rounds = CASE WHEN NOT played THEN 1
                  WHEN long_pick < 0.01 THEN 60 + floor(rounds_pick * 121)::int  -- long-running team rooms
                  ELSE 1 + floor(rounds_pick * 10)::int END;

CREATE TEMP TABLE seed_decks (deck text PRIMARY KEY, cards text[], numeric_cards int);
INSERT INTO seed_decks VALUES
    ('FIBONACCI',          '{0,1,2,3,5,8,13,21,34,55,89,?}',          11),
    ('MODIFIED_FIBONACCI', '{0,½,1,2,3,5,8,13,20,40,100,?,☕}',        11),
    ('TSHIRT',             '{XS,S,M,L,XL,XXL,?}',                      6),
    ('POWERS_OF_2',        '{0,1,2,4,8,16,32,64,?}',                   8);

INSERT INTO rooms (id, title, deck, cards, privacy, owner_id, invite_key, created_at, deleted_at)
SELECT r.id,
       (ARRAY['Sprint planning','Backlog refinement','Team','Estimation','Platform squad','Mobile','Checkout',
              'Payments','Search','Onboarding'])[1 + floor(random() * 10)::int] || ' ' || (1 + r.n % 97),
       r.deck,
       array_to_string(d.cards, chr(31)),
       CASE WHEN r.public THEN 'PUBLIC' ELSE 'INVITE_ONLY' END,
       pg_temp.user_id(r.owner_n),
       translate(substr(md5('invite' || r.n) || md5('key' || r.n), 1, 22), '01', 'xy'),
       r.created_at,
       CASE WHEN r.deleted THEN least(r.created_at + random() * interval '60 days', (SELECT now FROM seed_anchor)) END
FROM seed_rooms r JOIN seed_decks d USING (deck)
ORDER BY r.created_at;

-- Participants (seats) ------------------------------------------------------------------------------------------
-- Seat 0 is the owner, the host. Played rooms seat 5-13 more people, spread over registered users and guests.
CREATE TEMP TABLE seed_seats AS
SELECT r.id AS room_id, r.n AS room_n, r.created_at, s.j,
       CASE WHEN s.j = 0 THEN r.owner_n ELSE 1 + (r.n * 7919 + s.j * 4973) % 50000 END AS user_n
FROM seed_rooms r
CROSS JOIN LATERAL generate_series(0, r.seats - 1) AS s(j);

INSERT INTO participants (id, room_id, user_id, display_name, role, host, seated, banned, joined_at)
SELECT md5('seat-' || s.room_n || '-' || s.j)::uuid,
       s.room_id,
       u.id,
       CASE WHEN random() < 0.2 THEN u.first_name ELSE u.first_name || ' ' || left(u.last_name, 1) || '.' END,
       CASE WHEN s.j = 0 AND random() < 0.4 THEN 'OBSERVER' WHEN s.j > 0 AND random() < 0.08 THEN 'OBSERVER'
            ELSE 'VOTER' END,
       s.j = 0,
       s.j = 0 OR random() < 0.85,
       s.j > 0 AND random() < 0.01,
       s.created_at + s.j * interval '20 seconds' + random() * interval '15 seconds'
FROM seed_seats s JOIN seed_users u ON u.n = s.user_n
ORDER BY s.room_id, s.j
ON CONFLICT DO NOTHING;  -- the rare seat whose formula picks the owner again: one seat per user and room

-- Rounds and votes ---------------------------------------------------------------------------------------------
CREATE TEMP TABLE seed_rounds AS
SELECT r.id AS room_id, g AS number, r.deck, r.rounds,
       -- Sessions of ~15 rounds, one a week, ~6 minutes a round.
       r.created_at + ((g - 1) / 15) * interval '7 days' + ((g - 1) % 15) * interval '6 minutes'
           + random() * interval '90 seconds' AS started_at,
       -- Revealed 1-5 minutes after the start, except the latest round, which is open, and ~3% of the others,
       -- which the host skipped (LiveRoom.startRound leaves them unrevealed, out of history).
       CASE WHEN g < r.rounds AND random() >= 0.03 THEN interval '1 minute' + random() * interval '4 minutes' END
           AS reveal_after,
       -- Where the team's estimates cluster in this round, as an index into the deck's numeric cards.
       1 + floor(random() * 6)::int AS centre
FROM seed_rooms r
CROSS JOIN LATERAL generate_series(1, r.rounds) AS g;

-- Each voting, unbanned seat votes in ~90% of the revealed rounds and ~50% of the open (latest) one.
CREATE TEMP TABLE seed_votes AS
SELECT v.room_id, v.number AS round_number, v.participant_id,
       CASE WHEN v.pick < 0.04 THEN '?'
            WHEN v.pick < 0.06 AND v.deck = 'MODIFIED_FIBONACCI' THEN '☕'
            ELSE d.cards[greatest(1, least(d.numeric_cards,
                     v.centre + CASE WHEN v.spread < 0.6 THEN 0 WHEN v.spread < 0.8 THEN -1 ELSE 1 END))] END
           AS card_value,
       v.started_at + interval '10 seconds' + v.delay * interval '50 seconds' AS cast_at
FROM (
    SELECT r.room_id, r.number, r.deck, r.centre, r.started_at, p.id AS participant_id,
           random() AS pick, random() AS spread, random() AS delay,
           random() < CASE WHEN r.number < r.rounds THEN 0.9 ELSE 0.5 END AS voted
    FROM seed_rounds r
    JOIN participants p ON p.room_id = r.room_id AND p.role = 'VOTER' AND NOT p.banned
) AS v
JOIN seed_decks d ON d.deck = v.deck
WHERE v.voted;

-- Statistics of revealed rounds, as RoundStatistics.of computes them: count over all cards, the rest over the
-- numeric ones (½ = 0.5), average and median to 2 decimals without trailing zeros, every most frequent value,
-- space-separated.
CREATE TEMP TABLE seed_stats AS
WITH valued AS (
    SELECT room_id, round_number,
           CASE WHEN card_value = '½' THEN 0.5
                WHEN card_value ~ '^-?\d{1,9}(\.\d{1,9})?$' THEN card_value::numeric END AS value
    FROM seed_votes
), per_value AS (
    SELECT room_id, round_number, value, count(*) AS times,
           max(count(*)) OVER (PARTITION BY room_id, round_number) AS highest
    FROM valued WHERE value IS NOT NULL
    GROUP BY room_id, round_number, value
), modes AS (
    SELECT room_id, round_number, string_agg(value::text, ' ' ORDER BY value) AS mode
    FROM per_value WHERE times = highest
    GROUP BY room_id, round_number
)
SELECT room_id, round_number, count(*) AS vote_count,
       trim_scale(round(avg(value), 2)) AS average,
       trim_scale(round((percentile_cont(0.5) WITHIN GROUP (ORDER BY value))::numeric, 2)) AS median,
       min(value) AS min_value, max(value) AS max_value, m.mode
FROM valued LEFT JOIN modes m USING (room_id, round_number)
GROUP BY room_id, round_number, m.mode;

INSERT INTO rounds (room_id, number, story_title, started_at, revealed_at,
                    vote_count, average, median, min_value, max_value, mode, consensus)
SELECT revealed.room_id, revealed.number,
       CASE WHEN revealed.number = 1 AND random() < 0.5 THEN NULL
            ELSE (ARRAY['PROJ','WEB','APP','OPS','DATA'])[1 + floor(random() * 5)::int] || '-'
                || (100 + floor(random() * 9900)::int) || ' '
                || (ARRAY['Login with SSO','CSV export','Fix flaky test','Dark mode','Rate limiting',
                          'Search filters','Upgrade database','Audit log','Billing page','Push notifications'])
                       [1 + floor(random() * 10)::int] END,
       revealed.started_at,
       revealed.at,
       CASE WHEN revealed.at IS NOT NULL THEN coalesce(s.vote_count, 0) END,
       CASE WHEN revealed.at IS NOT NULL THEN s.average END,
       CASE WHEN revealed.at IS NOT NULL THEN s.median END,
       CASE WHEN revealed.at IS NOT NULL THEN s.min_value END,
       CASE WHEN revealed.at IS NOT NULL THEN s.max_value END,
       CASE WHEN revealed.at IS NOT NULL THEN s.mode END,
       CASE WHEN revealed.at IS NOT NULL AND s.min_value IS NOT NULL THEN s.min_value = s.max_value END
FROM (SELECT *, started_at + reveal_after AS at FROM seed_rounds) AS revealed
LEFT JOIN seed_stats s ON s.room_id = revealed.room_id AND s.round_number = revealed.number
ORDER BY revealed.room_id, revealed.number;

INSERT INTO votes (room_id, round_number, participant_id, card_value, cast_at)
SELECT room_id, round_number, participant_id, card_value, cast_at
FROM seed_votes
ORDER BY room_id, round_number, participant_id;

-- Statistics for the planner, and a vacuumed visibility map so that index-only scans behave as they do once
-- autovacuum has visited the tables (otherwise the insert-triggered autovacuum makes runs differ).
VACUUM (ANALYZE) users, rooms, participants, rounds, votes;

ALTER TABLE users RESET (autovacuum_enabled);
ALTER TABLE rooms RESET (autovacuum_enabled);
ALTER TABLE participants RESET (autovacuum_enabled);
ALTER TABLE rounds RESET (autovacuum_enabled);
ALTER TABLE votes RESET (autovacuum_enabled);
