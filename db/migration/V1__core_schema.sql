-- Scrum Poker core schema: users, rooms, seats (participants), rounds and votes.
-- PostgreSQL is the source of truth; every index below serves a named hot query (see db/explain/).

CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    display_name  text        NOT NULL,
    email         text,
    password_hash text,
    guest         boolean     NOT NULL,
    tier          text        NOT NULL DEFAULT 'FREE' CHECK (tier IN ('FREE', 'PRO', 'TEAM')),
    created_at    timestamptz NOT NULL,
    CHECK (guest OR (email IS NOT NULL AND password_hash IS NOT NULL))
);
-- Login and the register conflict check; emails are stored lower-cased by the application.
CREATE UNIQUE INDEX users_email_key ON users (email) WHERE email IS NOT NULL;

CREATE TABLE rooms (
    id          varchar(8)  PRIMARY KEY,
    title       text        NOT NULL,
    deck        text        NOT NULL CHECK (deck IN ('FIBONACCI', 'MODIFIED_FIBONACCI', 'TSHIRT', 'POWERS_OF_2', 'CUSTOM')),
    cards       text        NOT NULL,
    privacy     text        NOT NULL CHECK (privacy IN ('PUBLIC', 'INVITE_ONLY')),
    owner_id    uuid        NOT NULL REFERENCES users (id),
    invite_key  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    deleted_at  timestamptz
);
-- "My rooms", newest first, keyset-paginated on (created_at, id); also counts open rooms for tier limits.
CREATE INDEX rooms_owner_open_newest ON rooms (owner_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;

CREATE TABLE participants (
    id           uuid        PRIMARY KEY,
    room_id      varchar(8)  NOT NULL REFERENCES rooms (id),
    user_id      uuid        NOT NULL REFERENCES users (id),
    display_name text        NOT NULL,
    role         text        NOT NULL CHECK (role IN ('VOTER', 'OBSERVER')),
    host         boolean     NOT NULL,
    seated       boolean     NOT NULL,
    banned       boolean     NOT NULL,
    joined_at    timestamptz NOT NULL,
    -- One seat per user and room: a returning user gets the same participant id.
    CONSTRAINT participants_room_user_key UNIQUE (room_id, user_id)
);

CREATE TABLE rounds (
    room_id      varchar(8)  NOT NULL REFERENCES rooms (id),
    number       integer     NOT NULL CHECK (number > 0),
    story_title  text,
    started_at   timestamptz NOT NULL,
    revealed_at  timestamptz,
    vote_count   integer,
    average      numeric,
    median       numeric,
    min_value    numeric,
    max_value    numeric,
    mode         text,
    consensus    boolean,
    PRIMARY KEY (room_id, number)
);
-- Round history: revealed rounds of a room, newest first, keyset-paginated on number.
CREATE INDEX rounds_revealed_history ON rounds (room_id, number DESC) WHERE revealed_at IS NOT NULL;

CREATE TABLE votes (
    room_id        varchar(8)  NOT NULL,
    round_number   integer     NOT NULL,
    participant_id uuid        NOT NULL REFERENCES participants (id),
    card_value     text        NOT NULL,
    cast_at        timestamptz NOT NULL,
    -- The vote upsert's conflict target, and the reveal's "votes of this round" range scan.
    PRIMARY KEY (room_id, round_number, participant_id),
    FOREIGN KEY (room_id, round_number) REFERENCES rounds (room_id, number)
);
-- No index on votes (participant_id) or participants (user_id): seats and users are never deleted, so no
-- foreign-key check needs them, and each would cost a write on the hottest insert (docs/database.md).
