package dev.scrumpoker.loadtest;

import java.util.List;
import org.apache.jmeter.config.Arguments;
import org.apache.jmeter.protocol.java.sampler.AbstractJavaSamplerClient;
import org.apache.jmeter.protocol.java.sampler.JavaSamplerContext;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.threads.JMeterContextService;
import org.apache.jmeter.threads.JMeterVariables;

/**
 * A JMeter Java sampler that plays one step of a planning-poker room; each JMeter thread plays one room. The
 * steps of one thread share their {@link SimulatedRoom} through the thread's variables.
 *
 * <p>Parameters: {@code action} (setup, join, vote, broadcast, votes, reveal, start, drop, restore, seated), {@code label}
 * (the sample name; defaults to a name per action), {@code scheme} (http, or https for wss through a TLS entry),
 * {@code host}, {@code port}, {@code participants},
 * {@code timeoutMs}, {@code jitterMs} (drop only), {@code windowMs} (votes only). Steps that go through
 * participants (join, vote, restore) take the next one each call. {@code votes} has everyone vote at once, each
 * at a random moment of the window, and records each vote as two sub-samples, {@code ws.vote_ack} and
 * {@code ws.broadcast}, under one {@code ws.votes} sample.
 */
public class RoomSampler extends AbstractJavaSamplerClient {

    private static final String ROOM = "scrumpoker.room";

    @Override
    public Arguments getDefaultParameters() {
        Arguments defaults = new Arguments();
        defaults.addArgument("action", "join");
        defaults.addArgument("label", "");
        defaults.addArgument("scheme", "http");
        defaults.addArgument("host", "127.0.0.1");
        defaults.addArgument("port", "9080");
        defaults.addArgument("participants", "10");
        defaults.addArgument("timeoutMs", "10000");
        defaults.addArgument("jitterMs", "3000");
        defaults.addArgument("windowMs", "5000");
        defaults.addArgument("backlog", "20");
        return defaults;
    }

    @Override
    public SampleResult runTest(JavaSamplerContext context) {
        String action = context.getParameter("action");
        String label = context.getParameter("label", "");
        SampleResult result = new SampleResult();
        result.setSampleLabel(label.isEmpty() ? defaultLabel(action) : label);
        result.setDataType(SampleResult.TEXT);
        SimulatedRoom room = room(context);
        if (!"setup".equals(action) && !room.isSetUp()) {
            // The room could not be set up: this thread has nothing to play; stop it rather than spin on failures.
            fail(result, "the room was not set up");
            result.setStopThread(true);
            return result;
        }
        try {
            if ("votes".equals(action)) {
                recordVotes(result, room.voteTogether(context.getLongParameter("windowMs", 5000)));
                return result;
            }
            record(result, perform(action, room, context));
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            fail(result, "interrupted");
        } catch (Exception failure) {
            fail(result, failure.toString());
        }
        return result;
    }

    @Override
    public void teardownTest(JavaSamplerContext context) {
        JMeterVariables variables = JMeterContextService.getContext().getVariables();
        if (variables != null && variables.getObject(ROOM) instanceof SimulatedRoom room) {
            variables.remove(ROOM);
            room.close();
        }
    }

    private static Outcome perform(String action, SimulatedRoom room, JavaSamplerContext context) throws Exception {
        return switch (action) {
            case "setup" -> room.setUp(context.getIntParameter("participants", 10),
                    "room-" + JMeterContextService.getContext().getThreadNum());
            case "join" -> room.joinNext();
            case "vote" -> room.voteNext();
            case "broadcast" -> room.lastVoteSeenByAll();
            case "reveal" -> room.reveal();
            case "start" -> room.startNextRound();
            case "import" -> room.importBacklog(context.getIntParameter("backlog", 20));
            case "estimate" -> room.recordEstimate();
            case "drop" -> room.dropAll(context.getLongParameter("jitterMs", 3000));
            case "restore" -> room.restoredNext();
            // A marker for a synchronizing timer to wait on: every participant of this room is seated.
            case "seated" -> Outcome.ok(System.currentTimeMillis(), 0);
            default -> throw new IllegalArgumentException("unknown action " + action);
        };
    }

    private static SimulatedRoom room(JavaSamplerContext context) {
        JMeterVariables variables = JMeterContextService.getContext().getVariables();
        if (variables.getObject(ROOM) instanceof SimulatedRoom existing) {
            return existing;
        }
        Target target = new Target(context.getParameter("scheme", "http"), context.getParameter("host", "127.0.0.1"),
                context.getIntParameter("port", 9080));
        SimulatedRoom room = new SimulatedRoom(target, context.getLongParameter("timeoutMs", 10000));
        variables.putObject(ROOM, room);
        return room;
    }

    private static String defaultLabel(String action) {
        return switch (action) {
            case "setup" -> "rest.setup";
            case "join" -> "ws.join";
            case "vote" -> "ws.vote_ack";
            case "broadcast" -> "ws.broadcast";
            case "votes" -> "ws.votes";
            case "reveal" -> "ws.reveal";
            case "start" -> "ws.round_start";
            case "import" -> "ws.backlog_import";
            case "estimate" -> "ws.estimate";
            case "drop" -> "ws.drop";
            case "restore" -> "ws.seat_restored";
            case "seated" -> "room.seated";
            default -> action;
        };
    }

    private static void record(SampleResult result, Outcome outcome) {
        result.setStampAndTime(outcome.startMillis(), Math.round(outcome.elapsedNanos() / 1e6));
        result.setSuccessful(outcome.success());
        result.setResponseCode(outcome.success() ? "200" : "500");
        result.setResponseMessage(outcome.message());
    }

    /** One sample for the whole window, with each vote's acknowledgement and broadcast as sub-samples. */
    private static void recordVotes(SampleResult parent, List<Outcome[]> votes) {
        long first = Long.MAX_VALUE;
        long end = 0;
        boolean allOk = true;
        for (Outcome[] vote : votes) {
            parent.storeSubResult(sample("ws.vote_ack", vote[0]), false);
            parent.storeSubResult(sample("ws.broadcast", vote[1]), false);
            for (Outcome outcome : vote) {
                first = Math.min(first, outcome.startMillis());
                end = Math.max(end, outcome.startMillis() + Math.round(outcome.elapsedNanos() / 1e6));
                allOk &= outcome.success();
            }
        }
        parent.setStampAndTime(first, end - first);
        parent.setSuccessful(allOk);
        parent.setResponseCode(allOk ? "200" : "500");
        parent.setResponseMessage(allOk ? "OK" : "a vote failed");
    }

    private static SampleResult sample(String label, Outcome outcome) {
        SampleResult sample = new SampleResult();
        sample.setSampleLabel(label);
        sample.setDataType(SampleResult.TEXT);
        record(sample, outcome);
        return sample;
    }

    private static void fail(SampleResult result, String message) {
        result.setStampAndTime(System.currentTimeMillis(), 0);
        result.setSuccessful(false);
        result.setResponseCode("500");
        result.setResponseMessage(message);
    }
}
