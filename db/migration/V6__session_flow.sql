-- How the host runs a room's session: rounds that reveal themselves once every connected voter has voted, and the
-- end of the countdown the host started (null when none runs). Written by the room's owner through its journal.
ALTER TABLE rooms ADD COLUMN auto_reveal boolean NOT NULL DEFAULT false;
ALTER TABLE rooms ADD COLUMN countdown_ends_at timestamptz;
