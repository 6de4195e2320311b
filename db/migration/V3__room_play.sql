-- Who plays each room, and how far its events go: one node at a time owns a room and numbers its events.
-- `epoch` grows with every change of owner; every batch of writes of a room checks it (and the room's `seq`) in
-- the same transaction, so an owner that was replaced, or a write out of order, changes nothing (docs/architecture.md).
CREATE TABLE room_play (
    room_id varchar(8) PRIMARY KEY REFERENCES rooms (id),
    -- +1 each time a node takes the room.
    epoch   bigint     NOT NULL,
    -- The seq of the room's last event that is durable: a new owner goes on from here, never reusing one.
    seq     bigint     NOT NULL,
    -- The node that took the room last (null once let go of).
    owner   text
) WITH (fillfactor = 70);
-- fillfactor: the row is updated by every batch of its room's writes; free room in each page keeps those updates
-- HOT (no index entry per update).
