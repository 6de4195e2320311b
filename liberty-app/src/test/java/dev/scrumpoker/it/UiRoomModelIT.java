package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browser's model of a room ({@code assets/js/room-model.js}) fed frames directly, in Chromium: events apply
 * in seq order, duplicates are ignored, a gap holds later events back and asks for room.sync.v1 once, and the
 * state that answers it is followed by the events held back. The contract's gap rule, checked where it runs.
 */
class UiRoomModelIT {

    private static final String ORIGIN = "http://" + Server.HOST + ":" + Integer.getInteger("http.port", 9080);
    private static Browser browser;

    @BeforeAll
    static void loadTheModule() {
        Server.A.awaitReady();
        browser = Browser.open();
        browser.go(ORIGIN + "/");
        Object loaded = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "import('/assets/js/room-model.js').then(m => { window.RoomModel = m.RoomModel; done('ok'); },"
                + " e => done(String(e)));");
        assertEquals("ok", loaded);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void modelHoldsStateAtSeqFive() {
        browser.script("window.model = new window.RoomModel();");
        assertTrue(receive(state(5, false)).getBoolean("changed"));
    }

    @Test
    void theNextEventAppliesAndIsAnnounced() {
        JsonObject result = receive(event("vote.recorded.v1", 6, "{\"participantId\":\"b\",\"roundNumber\":1}"));

        assertTrue(result.getBoolean("changed"));
        assertFalse(result.getBoolean("needsSync"));
        assertEquals(List.of("Bob voted"), Jsons.strings(result.getJsonArray("announcements")));
        assertEquals(true, model("participants.get('b').hasVoted"));
        assertEquals(6L, model("seq"));
    }

    @Test
    void anEventAlreadyInTheStateIsIgnored() {
        JsonObject result = receive(event("vote.recorded.v1", 5, "{\"participantId\":\"b\",\"roundNumber\":1}"));

        assertFalse(result.getBoolean("changed"));
        assertEquals(false, model("participants.get('b').hasVoted"));
    }

    @Test
    void aGapAsksForOneResyncAndTheEventsHeldBackFollowTheNewState() {
        JsonObject gap = receive(event("vote.recorded.v1", 7, "{\"participantId\":\"b\",\"roundNumber\":1}"));
        JsonObject later = receive(event("participant.disconnected.v1", 8, "{\"participantId\":\"b\"}"));

        assertTrue(gap.getBoolean("needsSync"), "a missing seq 6 means a missed event");
        assertFalse(later.getBoolean("needsSync"), "one resync is enough");
        assertEquals(false, model("participants.get('b').hasVoted"), "nothing applies across a gap");
        assertEquals(5L, model("seq"));

        receive(state(7, true));

        assertEquals(8L, model("seq"), "the held-back seq 8 applies after the state at seq 7");
        assertEquals(false, model("participants.get('b').connected"));
        assertEquals(true, model("participants.get('b').hasVoted"));
        assertFalse(receive(event("vote.recorded.v1", 8, "{\"participantId\":\"b\",\"roundNumber\":1}"))
                .getBoolean("changed"), "a late duplicate of a held-back event is ignored");
    }

    @Test
    void ourOwnVoteFromAnotherTabAsksForTheStateToLearnTheCard() {
        JsonObject fromOtherTab = receive(event("vote.recorded.v1", 6, "{\"participantId\":\"a\",\"roundNumber\":1}"));
        JsonObject fromThisTab = receive(frame("vote.recorded.v1", 7, "\"requestId\":\"r1\",",
                "{\"participantId\":\"a\",\"roundNumber\":1}"));

        assertTrue(fromOtherTab.getBoolean("needsSync"));
        assertFalse(fromThisTab.getBoolean("needsSync"));
    }

    @Test
    void aRevealShowsVotesStatsAndTheDistributionInDeckOrder() {
        receive(event("round.revealed.v1", 6, """
                {"roundNumber":1,"votes":[{"participantId":"a","displayName":"Ada","cardValue":"8"},
                 {"participantId":"b","displayName":"Bob","cardValue":"3"},
                 {"participantId":"c","displayName":"Cy","cardValue":"8"}],
                 "stats":{"count":3,"average":6.33,"median":8,"min":3,"max":8,"mode":["8"],"consensus":false}}"""));

        assertEquals(true, model("round.revealed"));
        assertEquals("1=0,2=0,3=1,5=0,8=2,?=0",
                model("distribution().map(e => e.card + '=' + e.count).join()"));
        receive(event("round.started.v1", 7, "{\"roundNumber\":2,\"storyTitle\":\"Login\"}"));
        assertEquals(false, model("round.revealed"));
        assertEquals(null, model("stats"));
        assertEquals(false, model("[...participants.values()].some(p => p.hasVoted)"));
    }

    @Test
    void storyEventsThatArriveBeforeTheBacklogWaitForItAndApplyOnceEach() {
        String logIn = "{\"id\":\"s1\",\"key\":\"P-1\",\"title\":\"Log in\",\"estimate\":null}";
        String logOut = "{\"id\":\"s2\",\"key\":null,\"title\":\"Log out\",\"estimate\":null}";
        receive(event("stories.added.v1", 6, "{\"stories\":[" + logOut + "],\"position\":1}"));
        receive(event("story.estimated.v1", 7, "{\"storyId\":\"s1\",\"estimate\":\"5\",\"roundNumber\":null}"));

        // The REST answer was read before both events were committed: it holds the first story, unestimated.
        browser.script("window.model.storiesLoaded(JSON.parse(arguments[0]))", "[" + logIn + "]");

        assertEquals("Log in=5,Log out=null", model("stories.map(s => s.title + '=' + s.estimate).join(',')"));
        receive(event("stories.added.v1", 8, "{\"stories\":[" + logOut + "],\"position\":1}"));
        assertEquals(2L, model("stories.length"), "an add the list already holds changes nothing");
        receive(event("story.moved.v1", 9, "{\"storyId\":\"s2\",\"position\":0}"));
        assertEquals("Log out,Log in", model("stories.map(s => s.title).join(',')"));
        assertEquals("{\"total\":2,\"estimated\":1}", model("JSON.stringify(backlogProgress())"));
    }

    private static JsonObject receive(String frameJson) {
        return Jsons.parse((String) browser.script(
                "return JSON.stringify(window.model.receive(JSON.parse(arguments[0])))", frameJson));
    }

    private static Object model(String expression) {
        return browser.script("with (window.model) { return " + expression + "; }");
    }

    private static String event(String type, long seq, String payload) {
        return frame(type, seq, "", payload);
    }

    private static String frame(String type, long seq, String extra, String payload) {
        return "{\"type\":\"" + type + "\"," + extra + "\"seq\":" + seq + ",\"ts\":1,\"payload\":" + payload + "}";
    }

    private static String state(long seq, boolean bobVoted) {
        return """
                {"type":"room.state.v1","seq":%d,"ts":1,"payload":{
                 "room":{"id":"k3Xa9_Qz","title":"Sprint","deck":"CUSTOM","cards":["1","2","3","5","8","?"],
                  "privacy":"PUBLIC","ownerId":"a","createdAt":"2026-11-27T00:00:00Z","joinUrl":"http://x/r/k3Xa9_Qz"},
                 "round":{"number":1,"storyTitle":null,"revealed":false},
                 "participants":[
                  {"id":"a","displayName":"Ada","role":"VOTER","host":true,"connected":true,"hasVoted":false},
                  {"id":"b","displayName":"Bob","role":"VOTER","host":false,"connected":true,"hasVoted":%b}],
                 "you":{"participantId":"a","cardValue":null},"revealedVotes":null,"stats":null,"seq":%d}}"""
                .formatted(seq, bobVoted, seq);
    }
}
