package dev.scrumpoker.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One room played by one JMeter thread: P participants (participant 0 creates the room and hosts), each a
 * WebSocket. Each step sends what a person would and measures until everyone concerned has seen the result.
 */
final class SimulatedRoom {

    /** Numeric cards of the FIBONACCI deck, what the simulated people pick from. */
    private static final String[] CARDS = {"1", "2", "3", "5", "8", "13"};

    private final Target target;
    private final long timeoutNanos;
    private final Signal signal = new Signal();
    private final List<Participant> participants = new ArrayList<>();
    private final Map<Integer, String> cardOf = new ConcurrentHashMap<>();
    private String roomId;
    /** The backlog's story ids, in order, once imported. */
    private List<String> backlog = List.of();
    /** The story the current round estimates; null before the first round that names one. */
    private String currentStory;
    private int round = 1;
    private int nextJoiner;
    private int nextVoter;
    private int nextRestored;
    private int requests;
    private long lastVoteSentNanos;
    private long lastVoteSentMillis;
    private int lastVoter = -1;
    private long dropNanos;
    private long dropMillis;
    private final Map<Integer, String> restoreFailure = new ConcurrentHashMap<>();
    private final Map<Integer, String> seatBeforeDrop = new ConcurrentHashMap<>();

    SimulatedRoom(Target target, long timeoutMillis) {
        this.target = target;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** Signs in P guests and lets the first create the room (REST). */
    Outcome setUp(int size, String name) throws Exception {
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        ScrumPokerApi api = new ScrumPokerApi(target);
        for (int i = 0; i < size; i++) {
            participants.add(new Participant(i, api.guestToken(name + "-p" + i), signal));
        }
        roomId = api.createRoom(participants.get(0).token, name, "FIBONACCI");
        return Outcome.ok(startMillis, System.nanoTime() - start);
    }

    boolean isSetUp() {
        return roomId != null;
    }

    /** The next participant connects and joins: open → room.state.v1. */
    Outcome joinNext() throws Exception {
        Participant p = participants.get(nextJoiner++ % participants.size());
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        p.connect(target, roomId).get(timeoutNanos, TimeUnit.NANOSECONDS);
        if (!signal.await(() -> p.lastState() != null, start + timeoutNanos)) {
            return Outcome.failed(startMillis, System.nanoTime() - start, "no room.state.v1; " + p.closeReason());
        }
        return Outcome.ok(startMillis, p.stateAt() - start);
    }

    /** The next voter puts a card down: vote.cast.v1 → its own vote.recorded.v1. */
    Outcome voteNext() throws Exception {
        int index = nextVoter++ % participants.size();
        Participant p = participants.get(index);
        String card = CARDS[ThreadLocalRandom.current().nextInt(CARDS.length)];
        String requestId = "v" + (++requests);
        lastVoter = index;
        lastVoteSentMillis = System.currentTimeMillis();
        lastVoteSentNanos = System.nanoTime();
        p.send("vote.cast.v1", requestId, Transport.JSON.createObjectNode().put("cardValue", card));
        long start = lastVoteSentNanos;
        if (!signal.await(() -> p.replies.containsKey(requestId), start + timeoutNanos)) {
            return Outcome.failed(lastVoteSentMillis, System.nanoTime() - start, "no reply; " + p.closeReason());
        }
        long reply = p.replies.remove(requestId);
        if (reply < 0) {
            return Outcome.failed(lastVoteSentMillis, System.nanoTime() - start,
                    "error.v1 " + p.errorCodes.remove(requestId) + " for the vote");
        }
        cardOf.put(index, card);
        return Outcome.ok(lastVoteSentMillis, reply - start);
    }

    /** The last vote as the room sees it: vote sent → the last other participant has its vote.recorded.v1. */
    Outcome lastVoteSeenByAll() throws Exception {
        if (lastVoter < 0) {
            return Outcome.failed(System.currentTimeMillis(), 0, "no vote to follow");
        }
        String voterId = participants.get(lastVoter).participantId();
        long sent = lastVoteSentNanos;
        List<Participant> others = participants.stream().filter(p -> p.index != lastVoter).toList();
        boolean seen = signal.await(() -> others.stream().allMatch(p -> p.voteSeenAt.getOrDefault(voterId, 0L) >= sent),
                sent + timeoutNanos);
        if (!seen) {
            return Outcome.failed(lastVoteSentMillis, System.nanoTime() - sent, "not everyone saw the vote");
        }
        long last = others.stream().mapToLong(p -> p.voteSeenAt.get(voterId)).max().orElse(sent);
        int gaps = participants.stream().mapToInt(Participant::seqGaps).sum();
        return gaps == 0 ? Outcome.ok(lastVoteSentMillis, last - sent)
                : Outcome.failed(lastVoteSentMillis, last - sent, gapsSeen(gaps));
    }

    /**
     * Everyone votes in the same round without waiting for each other: each participant puts a card down at its own
     * random moment of the first {@code windowMillis} after the call (the round has just started). Answers, per
     * vote, its acknowledgement (vote sent → the voter's own vote.recorded.v1) and its broadcast (vote sent → the last
     * other participant has it), in the order the votes were sent.
     */
    List<Outcome[]> voteTogether(long windowMillis) throws Exception {
        int size = participants.size();
        long[] sentNanos = new long[size];
        long[] sentMillis = new long[size];
        String[] requestIds = new String[size];
        String[] cards = new String[size];
        Map<Integer, String> sendFailure = new ConcurrentHashMap<>();
        // Each vote's acknowledgement to its voter and its vote.recorded.v1 to every other participant.
        signal.expect(size * size);
        long start = System.nanoTime();
        for (Participant p : participants) {
            int index = p.index;
            cards[index] = CARDS[ThreadLocalRandom.current().nextInt(CARDS.length)];
            requestIds[index] = "v" + (++requests);
            long delay = ThreadLocalRandom.current().nextLong(windowMillis + 1);
            Transport.TIMER.schedule(() -> {
                sentMillis[index] = System.currentTimeMillis();
                sentNanos[index] = System.nanoTime();
                p.sendAsync("vote.cast.v1", requestIds[index],
                        Transport.JSON.createObjectNode().put("cardValue", cards[index]))
                        .whenComplete((ws, failure) -> {
                            if (failure != null) {
                                sendFailure.put(index, "send failed: " + failure);
                                signal.alarm();
                            }
                        });
            }, delay, TimeUnit.MILLISECONDS);
        }
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(windowMillis) + timeoutNanos;
        signal.await(() -> participants.stream().allMatch(p -> settled(p, sentNanos, requestIds, sendFailure)), deadline);
        List<Outcome[]> outcomes = new ArrayList<>(size);
        int gaps = participants.stream().mapToInt(Participant::seqGaps).sum();
        for (Participant p : participants) {
            int index = p.index;
            Outcome ack;
            Outcome broadcast;
            Long reply = p.replies.remove(requestIds[index]);
            if (sentNanos[index] == 0 || sendFailure.containsKey(index)) {
                String why = sendFailure.getOrDefault(index, "the vote was never sent");
                ack = Outcome.failed(System.currentTimeMillis(), 0, why);
                broadcast = Outcome.failed(System.currentTimeMillis(), 0, why);
            } else if (reply == null || reply < 0) {
                String why = reply == null ? "no reply; " + p.closeReason()
                        : "error.v1 " + p.errorCodes.remove(requestIds[index]) + " for the vote";
                ack = Outcome.failed(sentMillis[index], System.nanoTime() - sentNanos[index], why);
                broadcast = Outcome.failed(sentMillis[index], System.nanoTime() - sentNanos[index], why);
            } else {
                cardOf.put(index, cards[index]);
                ack = Outcome.ok(sentMillis[index], reply - sentNanos[index]);
                broadcast = seenByOthers(p, sentMillis[index], sentNanos[index], gaps);
            }
            outcomes.add(new Outcome[] {ack, broadcast});
        }
        return outcomes;
    }

    /** A participant's vote went out and every other participant has seen it, or it failed. */
    private boolean settled(Participant voter, long[] sentNanos, String[] requestIds, Map<Integer, String> failures) {
        int index = voter.index;
        if (failures.containsKey(index)) {
            return true;
        }
        long sent = sentNanos[index];
        if (sent == 0) {
            return false;
        }
        Long reply = voter.replies.get(requestIds[index]);
        if (reply == null) {
            return voter.closeReason() != null;
        }
        return reply < 0 || participants.stream().filter(p -> p != voter)
                .allMatch(p -> p.voteSeenAt.getOrDefault(voter.participantId(), 0L) >= sent);
    }

    private Outcome seenByOthers(Participant voter, long sentMillis, long sentNanos, int gaps) {
        String voterId = voter.participantId();
        long last = sentNanos;
        for (Participant p : participants) {
            if (p == voter) {
                continue;
            }
            long seen = p.voteSeenAt.getOrDefault(voterId, 0L);
            if (seen < sentNanos) {
                return Outcome.failed(sentMillis, System.nanoTime() - sentNanos, "not everyone saw the vote");
            }
            last = Math.max(last, seen);
        }
        return gaps == 0 ? Outcome.ok(sentMillis, last - sentNanos)
                : Outcome.failed(sentMillis, last - sentNanos, gapsSeen(gaps));
    }

    private String gapsSeen(int gaps) {
        String first = participants.stream().map(Participant::firstGap).filter(Objects::nonNull)
                .findFirst().orElse("");
        return gaps + " seq gaps seen in the room; first: " + first;
    }

    /** The host reveals: round.reveal.v1 → everyone has round.revealed.v1 with every vote. */
    Outcome reveal() throws Exception {
        int expectedRound = round;
        Participant hostP = participants.get(0);
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        signal.expect(participants.size());
        hostP.send("round.reveal.v1", "r" + (++requests), Transport.JSON.createObjectNode());
        boolean all = signal.await(() -> participants.stream().allMatch(p -> p.revealedRound() == expectedRound),
                start + timeoutNanos);
        if (!all) {
            return Outcome.failed(startMillis, System.nanoTime() - start, "not everyone saw the reveal");
        }
        long last = participants.stream().mapToLong(Participant::revealedAt).max().orElse(start);
        int counted = hostP.revealedCount();
        return counted == cardOf.size() ? Outcome.ok(startMillis, last - start)
                : Outcome.failed(startMillis, last - start, "revealed " + counted + " votes, cast " + cardOf.size());
    }

    /**
     * The host imports a backlog of {@code stories} from a Jira-style CSV file (story.import.v1) → every participant
     * has them all (stories.added.v1). From then on rounds walk the backlog, over and over.
     */
    Outcome importBacklog(int stories) throws Exception {
        StringBuilder csv = new StringBuilder("Issue key,Summary,Description\r\n");
        for (int i = 1; i <= stories; i++) {
            csv.append("LOAD-").append(i).append(",Story ").append(i).append(" of the load test,")
                    .append("\"As a team, we want story ").append(i).append(" estimated.\"\r\n");
        }
        Participant hostP = participants.get(0);
        int before = hostP.storyIds.size();
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        hostP.send("story.import.v1", "i" + (++requests), Transport.JSON.createObjectNode().put("csv", csv.toString()));
        boolean all = signal.await(() -> participants.stream().allMatch(p -> p.storyIds.size() >= before + stories),
                start + timeoutNanos);
        if (!all) {
            return Outcome.failed(startMillis, System.nanoTime() - start, "not everyone saw every story added");
        }
        backlog = List.copyOf(hostP.storyIds);
        long last = participants.stream().mapToLong(Participant::storyAddedAt).max().orElse(start);
        return Outcome.ok(startMillis, last - start);
    }

    /**
     * After the reveal the host records the agreed estimate (the most frequent card) → everyone has it. The round
     * that was open when the backlog came in estimates no story: its agreement goes to the backlog's first.
     */
    Outcome recordEstimate() throws Exception {
        long startMillis = System.currentTimeMillis();
        if (backlog.isEmpty()) {
            return Outcome.failed(startMillis, 0, "no backlog imported");
        }
        Map<Integer, Integer> seenBefore = new ConcurrentHashMap<>();
        participants.forEach(p -> seenBefore.put(p.index, p.estimates()));
        String agreed = cardOf.values().stream()
                .collect(Collectors.groupingBy(card -> card, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("5");
        long start = System.nanoTime();
        String story = currentStory != null ? currentStory : backlog.get(0);
        participants.get(0).send("story.estimate.v1", "e" + (++requests),
                Transport.JSON.createObjectNode().put("storyId", story).put("estimate", agreed));
        boolean all = signal.await(() -> participants.stream().allMatch(p -> p.estimates() > seenBefore.get(p.index)),
                start + timeoutNanos);
        if (!all) {
            return Outcome.failed(startMillis, System.nanoTime() - start, "not everyone saw the estimate");
        }
        long last = participants.stream().mapToLong(Participant::estimatedAt).max().orElse(start);
        return Outcome.ok(startMillis, last - start);
    }

    /**
     * The host starts the next round: round.start.v1 → everyone has round.started.v1. With a backlog, the round
     * names the backlog's next story (after the last, the first again: a re-vote); without, it has a title.
     */
    Outcome startNextRound() throws Exception {
        int expectedRound = round + 1;
        String story = backlog.isEmpty() ? null : backlog.get((expectedRound - 2) % backlog.size());
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        signal.expect(participants.size());
        participants.get(0).send("round.start.v1", "s" + (++requests), story == null
                ? Transport.JSON.createObjectNode().put("storyTitle", "Story " + expectedRound)
                : Transport.JSON.createObjectNode().put("storyId", story));
        boolean all = signal.await(() -> participants.stream().allMatch(p -> p.startedRound() == expectedRound),
                start + timeoutNanos);
        if (!all) {
            return Outcome.failed(startMillis, System.nanoTime() - start, "not everyone saw the new round");
        }
        round = expectedRound;
        currentStory = story;
        cardOf.clear();
        long last = participants.stream().mapToLong(Participant::startedAt).max().orElse(start);
        return Outcome.ok(startMillis, last - start);
    }

    /**
     * Every connection of the room drops at once, as in a network outage, and each reconnects after a random
     * delay of up to {@code jitterMillis}, retrying with backoff until it has its seat back.
     */
    Outcome dropAll(long jitterMillis) {
        dropMillis = System.currentTimeMillis();
        dropNanos = System.nanoTime();
        nextRestored = 0;
        restoreFailure.clear();
        for (Participant p : participants) {
            seatBeforeDrop.put(p.index, p.participantId());
            p.forgetState();
            p.abort();
            long delay = ThreadLocalRandom.current().nextLong(jitterMillis + 1);
            Transport.TIMER.schedule(() -> reconnect(p, 0), delay, TimeUnit.MILLISECONDS);
        }
        return Outcome.ok(dropMillis, System.nanoTime() - dropNanos);
    }

    private void reconnect(Participant p, int attempt) {
        p.connect(target, roomId).whenComplete((ws, failure) -> {
            if (failure != null) {
                long backoff = Math.min(5_000, 200L << Math.min(attempt, 5))
                        + ThreadLocalRandom.current().nextLong(200);
                if (System.nanoTime() - dropNanos < timeoutNanos) {
                    Transport.TIMER.schedule(() -> reconnect(p, attempt + 1), backoff, TimeUnit.MILLISECONDS);
                } else {
                    restoreFailure.put(p.index, "could not reconnect: " + failure);
                    signal.alarm();
                }
            }
        });
    }

    /** The next participant's seat after the drop: drop → room.state.v1 with the same participantId and vote. */
    Outcome restoredNext() throws Exception {
        int index = nextRestored++ % participants.size();
        Participant p = participants.get(index);
        boolean back = signal.await(() -> p.lastState() != null || restoreFailure.containsKey(index),
                dropNanos + timeoutNanos);
        long elapsed = (back && p.lastState() != null ? p.stateAt() : System.nanoTime()) - dropNanos;
        if (!back || p.lastState() == null) {
            return Outcome.failed(dropMillis, elapsed,
                    restoreFailure.getOrDefault(index, "no room.state.v1; closed: " + p.closeReason()));
        }
        JsonNode you = p.lastState().path("you");
        String expectedCard = cardOf.get(index);
        String card = you.path("cardValue").isNull() ? null : you.path("cardValue").asText();
        if (!you.path("participantId").asText().equals(seatBeforeDrop.get(index))) {
            return Outcome.failed(dropMillis, elapsed, "participant id changed");
        }
        if (expectedCard != null && !expectedCard.equals(card)) {
            return Outcome.failed(dropMillis, elapsed, "vote " + expectedCard + " came back as " + card);
        }
        return Outcome.ok(dropMillis, elapsed);
    }

    int size() {
        return participants.size();
    }

    void close() {
        participants.forEach(Participant::close);
    }
}
