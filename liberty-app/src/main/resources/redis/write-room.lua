-- Writes a room's turn in one atomic step: its new state and seq, this node's membership of the room, and the
-- turn's events on the room-event channel. Fenced by seq: if the stored seq is not the one the turn started from,
-- another turn got in (a lock lease ran out, or a timed-out write arrived late) and nothing is written or sent.
--
-- KEYS[1] the room's state   KEYS[2] the room's seq   KEYS[3] the rooms of this node
-- ARGV[1] the seq the turn started from   ARGV[2] the new seq   ARGV[3] the state (JSON)
-- ARGV[4] state time-to-live, ms   ARGV[5] seq time-to-live, ms   ARGV[6] the room id   ARGV[7] the channel
-- ARGV[8..] the events (JSON), in seq order
-- Answers 1 when written, 0 when fenced off. A missing seq (never written, or lost with Redis) fences nothing.
-- The keys are in different hash slots: this runs on a single Redis (or a Sentinel-managed one), not on a Cluster.
local stored = redis.call('GET', KEYS[2])
if stored and tonumber(stored) ~= tonumber(ARGV[1]) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[5])
redis.call('SADD', KEYS[3], ARGV[6])
for i = 8, #ARGV do
  redis.call('PUBLISH', ARGV[7], ARGV[i])
end
return 1
