-- Billing (subscriptions, Stripe events, checkouts), session history and the audit log.
-- History and audit grow without bound, so they are partitioned by month: old months can be detached or dropped
-- whole, and the hot queries (a room's newest rounds, a room's or user's newest actions) stay on small indexes.
-- The app creates the partitions of the coming months itself (PartitionMaintenance); this migration creates the
-- ones it needs today.

-- ---- Billing ---------------------------------------------------------------------------------------------------

-- One subscription per user. users.tier stays the tier in force (what the limits read); this is its source.
CREATE TABLE subscriptions (
    user_id                uuid        PRIMARY KEY REFERENCES users (id),
    tier                   text        NOT NULL CHECK (tier IN ('FREE', 'PRO', 'TEAM')),
    -- Stripe's subscription status (active, trialing, past_due, canceled, unpaid, incomplete, ...).
    status                 text        NOT NULL,
    stripe_customer_id     text,
    stripe_subscription_id text,
    current_period_end     timestamptz,
    -- The creation time of the newest Stripe event applied: an older event delivered late changes nothing.
    last_event_at          timestamptz NOT NULL
);
-- Subscription events name the subscription, not the user.
CREATE UNIQUE INDEX subscriptions_stripe_subscription_key ON subscriptions (stripe_subscription_id)
    WHERE stripe_subscription_id IS NOT NULL;

-- Every Stripe event id ever received: the primary key makes "apply each event at most once" hold under
-- concurrent duplicate deliveries (the second insert waits for the first and then finds the row).
CREATE TABLE stripe_events (
    event_id    text        PRIMARY KEY,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL
);

-- Checkout Sessions created, by the request that asked: a retried request gets the same session back.
CREATE TABLE checkout_sessions (
    user_id         uuid        NOT NULL REFERENCES users (id),
    idempotency_key text        NOT NULL,
    tier            text        NOT NULL CHECK (tier IN ('PRO', 'TEAM')),
    session_id      text        NOT NULL,
    url             text        NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);

-- ---- Monthly partitions ----------------------------------------------------------------------------------------

-- Creates the partition of `parent` for the calendar month (UTC) containing `day` unless it exists; answers
-- whether it created one. Callers that may run at once (several nodes) serialise on an advisory lock.
CREATE FUNCTION create_monthly_partition(parent text, day date) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', day)::date;
    partition text := parent || '_' || to_char(first_day, 'YYYY_MM');
BEGIN
    IF to_regclass(partition) IS NOT NULL THEN
        RETURN false;
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', partition, parent,
                   first_day::timestamp AT TIME ZONE 'UTC',
                   (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    RETURN true;
END
$$;

-- ---- Session history -------------------------------------------------------------------------------------------

-- Every revealed round with its votes and statistics, written in the reveal's transaction. The live tables
-- (rounds, votes) keep serving play; history reads only this.
CREATE TABLE round_history (
    room_id     varchar(8)  NOT NULL,
    number      integer     NOT NULL,
    story_title text,
    started_at  timestamptz NOT NULL,
    revealed_at timestamptz NOT NULL,
    vote_count  integer     NOT NULL,
    average     numeric,
    median      numeric,
    min_value   numeric,
    max_value   numeric,
    mode        text,
    consensus   boolean,
    -- [{"participantId", "displayName", "cardValue"}] in the order the votes were cast.
    votes       jsonb       NOT NULL,
    PRIMARY KEY (room_id, number, revealed_at)
) PARTITION BY RANGE (revealed_at);
-- A room's history, newest first (GET /rooms/{id}/rounds and rounds.csv), keyset-paginated on (revealed_at, number).
-- Ordered by the partition key, the scan runs partition by partition from the newest and stops at the page's
-- end; ordered by number alone it would have to merge every month ever partitioned (docs/database.md).
CREATE INDEX round_history_room_newest ON round_history (room_id, revealed_at DESC, number DESC);
-- History no longer reads rounds; its index there only cost every reveal a non-HOT update.
DROP INDEX rounds_revealed_history;

-- ---- Audit log -------------------------------------------------------------------------------------------------

-- Identity columns on partitioned tables need PostgreSQL 17; a plain sequence works everywhere.
CREATE SEQUENCE audit_log_id_seq;
CREATE TABLE audit_log (
    id          bigint      NOT NULL DEFAULT nextval('audit_log_id_seq'),
    occurred_at timestamptz NOT NULL,
    action      text        NOT NULL CHECK (action IN ('ROOM_CREATED', 'ROOM_DELETED', 'ROUND_REVEALED',
                                'ROUND_RESET', 'PARTICIPANT_KICKED', 'HOST_CHANGED', 'TIER_CHANGED')),
    -- Who did it: a user, or null when Stripe did (a tier change from a webhook).
    actor_id    uuid,
    room_id     varchar(8),
    -- The user the action was about (the kicked one, the new host, the upgraded one), if any.
    subject_id  uuid,
    details     jsonb       NOT NULL DEFAULT '{}',
    PRIMARY KEY (occurred_at, id)
) PARTITION BY RANGE (occurred_at);
ALTER SEQUENCE audit_log_id_seq OWNED BY audit_log.id;
-- A room's trail and a user's own actions, newest first (GET /rooms/{id}/audit; support looking up an account).
CREATE INDEX audit_log_room_newest ON audit_log (room_id, occurred_at DESC, id DESC) WHERE room_id IS NOT NULL;
CREATE INDEX audit_log_actor_newest ON audit_log (actor_id, occurred_at DESC, id DESC) WHERE actor_id IS NOT NULL;

-- ---- Partitions for today, and the history already played ------------------------------------------------------

SELECT create_monthly_partition(parent, ((now() AT TIME ZONE 'UTC')::date + make_interval(months => ahead))::date)
FROM unnest(ARRAY['round_history', 'audit_log']) AS parent, generate_series(0, 2) AS ahead;

SELECT create_monthly_partition('round_history', month::date)
FROM (SELECT DISTINCT date_trunc('month', revealed_at AT TIME ZONE 'UTC') AS month
      FROM rounds WHERE revealed_at IS NOT NULL) AS played;

INSERT INTO round_history (room_id, number, story_title, started_at, revealed_at, vote_count, average, median,
                           min_value, max_value, mode, consensus, votes)
SELECT r.room_id, r.number, r.story_title, r.started_at, r.revealed_at, r.vote_count, r.average, r.median,
       r.min_value, r.max_value, r.mode, r.consensus,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('participantId', v.participant_id,
                                                     'displayName', p.display_name,
                                                     'cardValue', v.card_value) ORDER BY v.cast_at)
                 FROM votes v JOIN participants p ON p.id = v.participant_id
                 WHERE v.room_id = r.room_id AND v.round_number = r.number), '[]'::jsonb)
FROM rounds r
WHERE r.revealed_at IS NOT NULL;
