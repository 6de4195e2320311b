package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole planning session with ten connections in one room: joins, votes, a re-vote, a retraction, the reveal and
 * its statistics (with ½, ? and ☕), a new round with a story, a reset, a kick, a host transfer and a leave. After
 * every step each connection is checked for what it must have seen; at the end, that all of them saw the same
 * events in the same gap-free seq order, and that every reply echoed its requestId.
 */
class FullRoomIT {

    private static final int PEOPLE = 10;
    private final List<RoomClient> clients = new ArrayList<>();

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @AfterEach
    void hangUp() {
        clients.forEach(RoomClient::close);
    }

    @Test
    void tenParticipantsPlayAWholeSessionAndSeeTheSameOrderedEvents() {
        Api.User owner = Api.freshGuest();
        String roomId = Api.createRoom(owner, "Sprint 42 planning", "MODIFIED_FIBONACCI").getString("id");

        // Join: p0 is the owner and becomes host; p1..p8 vote; p9 observes.
        for (int i = 0; i < PEOPLE; i++) {
            Api.User user = i == 0 ? owner : Api.guest("Person " + i);
            RoomClient client = RoomClient.connect(roomId, user).named("p" + i);
            String role = i == PEOPLE - 1 ? "OBSERVER" : "VOTER";
            JsonObject state = client.join("Person " + i, role).getJsonObject("payload");
            clients.add(client);

            assertEquals(i + 1, state.getJsonArray("participants").size(), "the joiner sees everyone so far");
            JsonObject me = participant(state, client.participantId());
            assertEquals("Person " + i, me.getString("displayName"));
            assertEquals(role, me.getString("role"));
            assertEquals(i == 0, me.getBoolean("host"), "the first to join the room hosts it");
            assertTrue(me.getBoolean("connected"));
            for (RoomClient earlier : clients.subList(0, i)) {
                JsonObject joined = earlier.awaitPayload("participant.joined.v1").getJsonObject("participant");
                assertEquals(client.participantId(), joined.getString("id"));
                assertEquals("Person " + i, joined.getString("displayName"));
                assertEquals(role, joined.getString("role"));
                assertFalse(joined.getBoolean("host"));
                assertTrue(joined.getBoolean("connected"));
                assertFalse(joined.getBoolean("hasVoted"));
            }
        }
        assertEquals(PEOPLE, new HashSet<>(clients.stream().map(RoomClient::participantId).toList()).size(),
                "everyone has a seat of their own");
        RoomClient host = clients.get(0);
        RoomClient observer = clients.get(PEOPLE - 1);

        // Round 1: nine votes, one re-vote, one retraction.
        String[] cards = {"½", "1", "2", "3", "3", "?", "☕", "5", "13"};
        for (int i = 0; i < cards.length; i++) {
            castVote(clients.get(i), cards[i], 1);
        }
        castVote(clients.get(7), "8", 1); // p7 changes their mind: 5 → 8
        RoomClient retracting = clients.get(8);
        String retractId = retracting.send("vote.retract.v1");
        everyone("vote.retracted.v1", frame -> true, retracting, retractId,
                payload -> assertEquals(retracting.participantId(), payload.getString("participantId")));
        JsonObject beforeReveal = observer.sync().getJsonObject("payload");
        assertEquals(8, beforeReveal.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getBoolean("hasVoted")).count(), "eight votes are down");
        assertTrue(beforeReveal.isNull("revealedVotes"), "nobody sees cards before the reveal");

        // Reveal: the stats count ? and ☕ but compute over ½ 1 2 3 3 8 only.
        String revealId = host.send("round.reveal.v1");
        for (JsonObject revealed : everyone("round.revealed.v1", frame -> true, host, revealId,
                payload -> assertEquals(1, payload.getInt("roundNumber")))) {
            Map<String, String> votes = new HashMap<>();
            for (JsonObject vote : revealed.getJsonArray("votes").getValuesAs(JsonObject.class)) {
                votes.put(vote.getString("participantId"), vote.getString("cardValue"));
                assertTrue(vote.getString("displayName").startsWith("Person "));
            }
            Map<String, String> expected = new HashMap<>();
            String[] finalCards = {"½", "1", "2", "3", "3", "?", "☕", "8"};
            for (int i = 0; i < finalCards.length; i++) {
                expected.put(clients.get(i).participantId(), finalCards[i]);
            }
            assertEquals(expected, votes, "the revealed votes are the last vote of each voter");
            JsonObject stats = revealed.getJsonObject("stats");
            assertEquals(8, stats.getInt("count"));
            assertDecimal("2.92", stats, "average"); // 17.5 / 6
            assertDecimal("2.5", stats, "median");   // (2 + 3) / 2
            assertDecimal("0.5", stats, "min");
            assertDecimal("8", stats, "max");
            assertEquals(List.of(new BigDecimal("3")), Jsons.decimals(stats.getJsonArray("mode")));
            assertFalse(stats.getBoolean("consensus"));
        }

        // Round 2 with a story; two votes, then the host resets them.
        String storyTitle = "PROJ-123 Pay by invoice";
        String startId = host.send("round.start.v1", Jsons.object("storyTitle", storyTitle));
        everyone("round.started.v1", frame -> true, host, startId, payload -> {
            assertEquals(2, payload.getInt("roundNumber"));
            assertEquals(storyTitle, payload.getString("storyTitle"));
        });
        castVote(clients.get(1), "5", 2);
        castVote(clients.get(2), "8", 2);
        String resetId = host.send("round.reset.v1");
        everyone("round.reset.v1", frame -> true, host, resetId,
                payload -> assertEquals(2, payload.getInt("roundNumber")));
        JsonObject afterReset = clients.get(3).sync().getJsonObject("payload");
        assertEquals(2, afterReset.getJsonObject("round").getInt("number"));
        assertEquals(storyTitle, afterReset.getJsonObject("round").getString("storyTitle"));
        assertFalse(afterReset.getJsonObject("round").getBoolean("revealed"));
        assertTrue(afterReset.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .noneMatch(p -> p.getBoolean("hasVoted")), "the reset cleared every vote");
        assertTrue(afterReset.isNull("stats"));

        // Kick p8: everyone hears it, p8 is closed 4403.
        RoomClient kicked = clients.get(8);
        String kickId = host.send("participant.kick.v1", Jsons.object("participantId", kicked.participantId()));
        everyone("participant.left.v1", frame -> true, host, kickId, payload -> {
            assertEquals(kicked.participantId(), payload.getString("participantId"));
            assertEquals("KICKED", payload.getString("reason"));
        });
        assertEquals(4403, kicked.awaitClose());

        // Host transfer p0 → p1: the old host loses its powers, the new one has them.
        RoomClient newHost = clients.get(1);
        String transferId = host.send("host.transfer.v1", Jsons.object("participantId", newHost.participantId()));
        everyone("host.changed.v1", frame -> true, host, transferId,
                payload -> assertEquals(newHost.participantId(), payload.getString("participantId")));
        host.sendExpectingError("round.start.v1", Jsons.object(), "FORBIDDEN");
        String round3Id = newHost.send("round.start.v1", Jsons.object("storyTitle", "PROJ-124"));
        everyone("round.started.v1", frame -> payloadOf(frame).getInt("roundNumber") == 3,
                newHost, round3Id, payload -> assertEquals("PROJ-124", payload.getString("storyTitle")));

        // p2 votes, then leaves: the vote is withdrawn and everyone hears p2 left.
        RoomClient leaver = clients.get(2);
        castVote(leaver, "3", 3);
        String leaveId = leaver.send("room.leave.v1");
        for (RoomClient other : present()) {
            if (other != leaver) {
                assertEquals(leaver.participantId(),
                        other.awaitPayload("vote.retracted.v1").getString("participantId"));
            }
        }
        everyone("participant.left.v1", frame -> true, leaver, leaveId, payload -> {
            assertEquals(leaver.participantId(), payload.getString("participantId"));
            assertEquals("LEFT", payload.getString("reason"));
        });

        // The room as it stands, seen by the observer.
        JsonObject finalState = observer.sync().getJsonObject("payload");
        Map<String, Boolean> hosts = new LinkedHashMap<>();
        for (JsonObject p : finalState.getJsonArray("participants").getValuesAs(JsonObject.class)) {
            hosts.put(p.getString("id"), p.getBoolean("host"));
        }
        assertEquals(PEOPLE - 2, hosts.size(), "the kicked and the leaver are gone");
        assertFalse(hosts.containsKey(kicked.participantId()));
        assertFalse(hosts.containsKey(leaver.participantId()));
        assertEquals(Set.of(newHost.participantId()), hostsIn(hosts), "exactly one host");
        assertEquals(3, finalState.getJsonObject("round").getInt("number"));

        // Everyone saw the same events in the same gap-free order.
        Frames.assertSameEventsEverywhere(clients);
        long lastSeq = Frames.seq(finalState);
        for (RoomClient client : present()) {
            if (client != leaver) {
                List<JsonObject> events = Frames.assertGapFreeSeq(client);
                assertEquals(lastSeq, Frames.seq(events.get(events.size() - 1)),
                        () -> client + " is up to date with the room");
            }
        }
    }

    /** Casts a vote and checks everyone heard it: who voted, which round, never the card. */
    private void castVote(RoomClient voter, String card, int round) {
        String requestId = voter.send("vote.cast.v1", Jsons.object("cardValue", card));
        everyone("vote.recorded.v1", frame -> voter.participantId().equals(payloadOf(frame).getString("participantId")),
                voter, requestId, payload -> {
                    assertEquals(round, payload.getInt("roundNumber"));
                    assertFalse(payload.containsKey("cardValue"), () -> "a vote's card stays secret: " + payload);
                });
    }

    /**
     * Waits until every connection still in the room got the event, checks its payload, and checks that only the
     * sender's copy echoes the requestId. Answers the payloads.
     */
    private List<JsonObject> everyone(String type, Predicate<JsonObject> matching, RoomClient sender, String requestId,
                                      Consumer<JsonObject> check) {
        List<JsonObject> payloads = new ArrayList<>();
        for (RoomClient client : present()) {
            Predicate<JsonObject> echoing = frame -> requestId.equals(frame.getString("requestId", null));
            JsonObject frame = client.awaitFrame(type, client == sender ? echoing.and(matching) : matching);
            assertEquals(type, type(frame), () -> client + " expected " + type + ", got " + frame);
            assertTrue(frame.containsKey("seq"), "room events carry seq");
            if (client == sender) {
                assertEquals(requestId, frame.getString("requestId"), "the sender's copy echoes the requestId");
            } else {
                assertFalse(frame.containsKey("requestId"), () -> "only the sender's copy has a requestId: " + frame);
            }
            check.accept(payloadOf(frame));
            payloads.add(payloadOf(frame));
        }
        assertEquals(1, payloads.stream().distinct().count(), "everyone got the same payload");
        return payloads;
    }

    /** The connections still seated: everyone but the kicked. */
    private List<RoomClient> present() {
        return clients.stream().filter(c -> !c.isClosed()).toList();
    }

    private static String type(JsonObject frame) {
        return frame.getString("type");
    }

    private static JsonObject payloadOf(JsonObject frame) {
        return frame.getJsonObject("payload");
    }

    private static JsonObject participant(JsonObject state, String participantId) {
        return state.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("id").equals(participantId)).findFirst()
                .orElseThrow(() -> new AssertionError(participantId + " is not in " + state));
    }

    private static Set<String> hostsIn(Map<String, Boolean> hosts) {
        Set<String> ids = new HashSet<>();
        hosts.forEach((id, host) -> {
            if (host) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static void assertDecimal(String expected, JsonObject stats, String field) {
        BigDecimal actual = stats.getJsonNumber(field).bigDecimalValue();
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> field + " is " + actual);
    }
}
