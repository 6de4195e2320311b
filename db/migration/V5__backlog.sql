-- A room's backlog: the stories its team estimates, in the host's order, with the estimate agreed on.
CREATE TABLE stories (
    id           uuid         PRIMARY KEY,
    room_id      varchar(8)   NOT NULL REFERENCES rooms (id),
    -- 0 is first; the room's owner rewrites positions when the order changes (rare, and at most a few hundred rows).
    position     integer      NOT NULL,
    issue_key    varchar(32),
    title        varchar(200) NOT NULL,
    link         varchar(2000),
    description  text,
    estimate     varchar(16),
    estimated_at timestamptz,
    created_at   timestamptz  NOT NULL
);
-- Loading a room reads its backlog in order; the export too.
CREATE INDEX stories_room_position ON stories (room_id, position);

-- Which story a round estimated (null for a round without one). Not a foreign key: a story removed from the backlog
-- leaves its rounds in the history as they were.
ALTER TABLE rounds ADD COLUMN story_id uuid;
ALTER TABLE round_history ADD COLUMN story_id uuid;
