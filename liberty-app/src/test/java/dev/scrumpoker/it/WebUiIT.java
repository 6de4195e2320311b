package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web UI in real browsers: headless Chromium, one profile per person, against the real server. Each test is
 * what a team does on a call: create a room, share the link, vote, reveal, go on; lose the network and come back.
 */
class WebUiIT {

    private static final String ORIGIN = "http://" + Server.HOST + ":" + Integer.getInteger("http.port", 9080);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @AfterEach
    void closeBrowsers() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void pagesAreServedWithHeadersThatKeepUserTextInert() {
        for (String path : List.of("/", "/r/k3Xa9_Qz?invite=abc")) {
            ApiResponse page = Api.getAbsolute(path);
            assertEquals(200, page.status(), path);
            assertTrue(page.header("Content-Type").startsWith("text/html"), path);
            assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"), path);
            assertEquals("no-referrer", page.header("Referrer-Policy"), "invitation keys never leak as referrers");
            assertEquals("nosniff", page.header("X-Content-Type-Options"), path);
        }
        assertTrue(Api.getAbsolute("/r/k3Xa9_Qz").body().contains("room-page.js"), "join links open the room page");
        assertTrue(Api.getAbsolute("/assets/js/room-page.js").header("Content-Type").startsWith("text/javascript"),
                "module scripts need a JavaScript media type");
    }

    @Test
    void aTeamPlaysARoundFromCreateToNextRound() {
        RoomPage ada = RoomPage.createRoom(browser(), ORIGIN, "Ada", "Sprint 42 planning");
        assertTrue(ada.hasHostControls(), "the creator hosts the room");
        String joinUrl = ada.joinUrl();
        RoomPage bob = RoomPage.join(phone(), joinUrl, "Bob", false);
        RoomPage cy = RoomPage.join(browser(), joinUrl, "Cy", true);
        assertTrue(bob.fitsTheScreen(), "the room fits a phone's width, no sideways scrolling");
        assertFalse(bob.hasHostControls(), "only the host has host controls");
        assertFalse(cy.hasDeck(), "observers do not vote");

        ada.vote("5");
        bob.awaitVoted("Ada", true);
        cy.awaitVoted("Ada", true);
        assertEquals("Voted", bob.statusOf("Ada"), "the others see that Ada voted, never what");
        bob.voteByKeyboard(5, "8");
        ada.awaitVoted("Bob", true);

        ada.reveal();
        for (RoomPage page : List.of(ada, bob, cy)) {
            page.awaitRevealed();
            assertEquals("6.5", page.stat("average"));
            assertEquals("6.5", page.stat("median"));
            assertEquals("5", page.stat("min"));
            assertEquals("8", page.stat("max"));
            assertEquals("No", page.stat("consensus"));
            assertEquals(List.of("5=1", "8=1"), page.distribution());
            assertEquals("8", page.statusOf("Bob"));
        }
        cy.awaitTrue("the reveal announced", () -> cy.announcement().contains("Cards revealed"));
        ada.awaitHistory("No story title");
        ada.screenshotTo(SCREENSHOTS.resolve("room-after-reveal.png"));
        bob.screenshotTo(SCREENSHOTS.resolve("room-after-reveal-phone.png"));

        ada.startNextRound("Checkout flow");
        for (RoomPage page : List.of(ada, bob, cy)) {
            page.awaitRound(2);
            assertEquals("Checkout flow", page.story());
            page.awaitVoted("Bob", false);
        }
        assertNull(bob.selectedCard(), "a new round starts with no vote");
    }

    @Test
    void aDroppedConnectionComesBackWithTheSameSeatAndVote() {
        RoomPage ada = RoomPage.createRoom(browser(), ORIGIN, "Ada", "Flaky Wi-Fi");
        TcpRelay wifi = TcpRelay.to(Integer.getInteger("http.port", 9080));
        opened.add(wifi);
        String joinUrl = "http://" + Server.HOST + ":" + wifi.port() + URI.create(ada.joinUrl()).getPath();
        RoomPage bob = RoomPage.join(browser(), joinUrl, "Bob", false);
        bob.vote("13");
        ada.awaitVoted("Bob", true);

        wifi.cut();
        bob.awaitConnectionState("reconnecting");
        ada.awaitConnected("Bob", false);
        wifi.restore();

        bob.awaitConnectionState("joined");
        ada.awaitConnected("Bob", true);
        assertEquals("13", bob.selectedCard(), "the vote is shown again after the reconnect");
        assertEquals("Voted", ada.statusOf("Bob"));
        assertEquals(1, ada.participantCount("Bob"), "the same seat, not a second Bob");
        ada.reveal();
        bob.awaitRevealed();
        assertEquals("13", bob.stat("average"));
    }

    @Test
    void theHostHandsOverAndTheNewHostRemovesSomeone() {
        RoomPage ada = RoomPage.createRoomWithCards(browser(), ORIGIN, "Ada", "Our own deck", "XS, S, M, L, ∞");
        assertEquals(List.of("XS", "S", "M", "L", "∞"), ada.deck(), "custom cards in the order typed");
        String joinUrl = ada.joinUrl();
        RoomPage bob = RoomPage.join(browser(), joinUrl, "Bob", false);
        RoomPage cy = RoomPage.join(browser(), joinUrl, "Cy", false);

        ada.makeHost("Bob");
        bob.awaitHostControls(true);
        ada.awaitHostControls(false);
        bob.remove("Cy");

        assertEquals("The host removed you from this room.", cy.awaitEnded());
        ada.awaitGone("Cy");
        bob.awaitGone("Cy");
        assertEquals(List.of(), bob.removed(), "only the owner sees who was removed");

        // Ada owns the room: she takes host back and lets Cy in again, who gets the same seat back.
        ada.takeHostBack();
        ada.awaitHostControls(true);
        bob.awaitHostControls(false);
        ada.letBackIn("Cy");
        cy.rejoin(joinUrl, "Cy");
        ada.awaitConnected("Cy", true);
        assertEquals(1, ada.participantCount("Cy"));
    }

    @Test
    void anInviteOnlyRoomTakesTheInvitationLinkAndTurnsAwayTheBareCode() {
        RoomPage ada = RoomPage.createInviteOnlyRoom(browser(), ORIGIN, "Ada", "Board meeting");
        String invitation = ada.joinUrl();
        assertTrue(invitation.contains("?invite="), invitation);

        RoomPage.join(browser(), invitation, "Bob", false);
        ada.awaitConnected("Bob", true);
        String bareCode = invitation.substring(0, invitation.indexOf('?'));
        RoomPage cy = RoomPage.tryToJoin(browser(), bareCode, "Cy", false);

        assertEquals("This room is invite-only. Ask the host for the invitation link.", cy.awaitEnded());
        assertEquals(0, ada.participantCount("Cy"));
    }

    @Test
    void anAccountIsOptionalAndListsTheRoomsYouCreated() {
        Browser browser = browser();
        browser.go(ORIGIN + "/");
        browser.find("#sign-in").click();
        browser.find("#account-dialog summary").click();
        browser.find("#register-name").sendKeys("Dana");
        browser.find("#register-email").sendKeys("dana-" + UUID.randomUUID() + "@example.com");
        browser.find("#register-password").sendKeys("correct horse battery");
        browser.find("#register-form button[type=submit]").click();
        browser.await("signed in", driver -> browser.find("#signed-in-as").getText().equals("Signed in as Dana"));
        assertFalse(browser.find("#create-name").isDisplayed(), "a signed-in user is not asked for a name");

        browser.find("#create-title").sendKeys("Dana's retro");
        browser.find("#create-form button[type=submit]").click();
        browser.await("in the room", driver -> browser.find("#room-title").getText().equals("Dana's retro"));
        browser.go(ORIGIN + "/");

        browser.await("the room listed", driver -> browser.find("#my-rooms").isDisplayed());
        assertEquals("Dana's retro", browser.find("#my-rooms-list a").getText());
        browser.await("the plan shown", driver -> browser.find("#plan").isDisplayed());
        assertEquals("FREE", browser.find("#plan").getAttribute("data-tier"));
        assertTrue(browser.find("#plan-actions").isDisplayed(), "a free account is offered the upgrade");

        String userId = (String) browser.script(
                "return JSON.parse(localStorage.getItem('scrumPoker.session')).user.id");
        String paid = StripeEvents.checkoutCompleted(StripeEvents.newEventId(), userId, "TEAM", "sub_" + userId,
                java.time.Instant.now());
        Api.post("/subscriptions/webhook", null, paid, StripeEvents.signed(paid)).expect(200);
        browser.go(ORIGIN + "/?checkout=success");

        browser.await("the paid plan shown", driver -> "TEAM".equals(browser.find("#plan").getAttribute("data-tier")));
        assertFalse(browser.find("#plan-actions").isDisplayed());
        assertTrue(browser.find("#checkout-notice").isDisplayed(), "the return from Stripe is acknowledged");
    }

    @Test
    void markupInNamesAndStoriesIsShownAsText() {
        String hostileName = "<img src=x onerror=\"window.pwned=1\">";
        String hostileStory = "<script>window.pwned=2</script><b>bold?</b>";
        RoomPage ada = RoomPage.createRoom(browser(), ORIGIN, "Ada", "<i>Ada's</i> room");
        RoomPage mallory = RoomPage.join(browser(), ada.joinUrl(), hostileName, false);
        ada.awaitConnected(hostileName, true);
        ada.startNextRound(hostileStory);
        mallory.awaitRound(2);

        for (RoomPage page : List.of(ada, mallory)) {
            assertEquals(hostileStory, page.story());
            assertEquals("<i>Ada's</i> room", page.title());
            assertTrue(page.isInert(), "no markup from user text became elements or ran");
        }
    }

    @Test
    void aHostImportsAJiraFileAndTheRoomEstimatesItsStories() throws Exception {
        RoomPage ada = RoomPage.createRoom(browser(), ORIGIN, "Ada", "Backlog refinement");
        RoomPage bob = RoomPage.join(browser(), ada.joinUrl(), "Bob", false);
        List<String> titles = List.of("Log in", "Log out", "Reset password", "Sign up", "Delete account");
        Path file = Files.createTempFile("jira-export", ".csv");
        Files.writeString(file, "Issue key,Summary,Story Points,Description\r\n"
                + "PROJ-1,Log in,,\"With a password,\r\nor a passkey\"\r\nPROJ-2,Log out,,\r\n"
                + "PROJ-3,Reset password,,\r\nPROJ-4,Sign up,,\r\nPROJ-5,Delete account,,\r\n");

        ada.importStories(file);
        ada.awaitStories(titles);
        bob.awaitStories(titles);
        assertEquals("0 of 5 estimated", bob.backlogProgress());
        assertNoSeriousViolations(ada, "the host's room with a backlog");

        estimateNext(ada, bob, "Log in", "5", "8", "5");
        estimateNext(ada, bob, "Log out", "3", "3", "3");
        ada.voteOn("Log in");
        ada.awaitRound(4);
        assertEquals("Log in", bob.story(), "a story is voted on again");
        ada.vote("8");
        bob.vote("8");
        ada.reveal();
        assertNoSeriousViolations(ada, "the host after a reveal, with the estimate form");
        assertNoSeriousViolations(bob, "a voter after a reveal");
        ada.recordEstimate("8");
        bob.awaitEstimate("Log in", "8 pts");
        estimateNext(ada, bob, "Reset password", "2", "3", "2.5");

        bob.awaitTrue("3 of 5 estimated", () -> bob.backlogProgress().equals("3 of 5 estimated"));
        String csv = ada.downloadStoriesCsv(ada.roomId());
        assertEquals("Issue key,Summary,Story Points,Description\r\n"
                + "PROJ-1,Log in,8,\"With a password,\nor a passkey\"\r\nPROJ-2,Log out,3,\r\n"
                + "PROJ-3,Reset password,2.5,\r\nPROJ-4,Sign up,,\r\nPROJ-5,Delete account,,\r\n", csv);
    }

    @Test
    void aCountdownRunsForEveryoneAndTheLastVoteRevealsTheRound() {
        RoomPage ada = RoomPage.createRoom(browser(), ORIGIN, "Ada", "Timed planning");
        RoomPage bob = RoomPage.join(browser(), ada.joinUrl(), "Bob", false);
        ada.turnOnAutoReveal();
        ada.startCountdown();
        bob.awaitCountdown(true);
        assertTrue(bob.countdown().matches("[01]:[0-5]\\d left"), bob.countdown());
        assertNoSeriousViolations(ada, "the host's controls with a countdown running");

        ada.vote("3");
        bob.vote("5");

        for (RoomPage page : List.of(ada, bob)) {
            page.awaitRevealed();
            page.awaitCountdown(false);
            assertEquals("4", page.stat("average"), "revealed by the last vote, no one pressed Reveal");
        }
    }

    /** The host starts the next round (the backlog's next story), both vote, the host reveals and records. */
    private static void estimateNext(RoomPage host, RoomPage voter, String title, String hostCard, String voterCard,
                                     String agreed) {
        host.startNextStory();
        host.awaitTrue("round on " + title, () -> host.story().equals(title));
        voter.awaitTrue("round on " + title, () -> voter.story().equals(title));
        host.vote(hostCard);
        voter.vote(voterCard);
        host.reveal();
        host.recordEstimate(agreed);
        voter.awaitEstimate(title, agreed + " pts");
    }

    /** axe (Deque's engine) finds nothing serious or critical in any state a person can bring a page to. */
    @Test
    void everyPageStatePassesAxe() {
        Browser start = browser();
        start.go(ORIGIN + "/");
        assertNoViolations(start.seriousAccessibilityViolations(), "the start page");
        RoomPage ada = RoomPage.createRoom(browser(), ORIGIN, "Ada", "Accessible planning");
        String joinUrl = ada.joinUrl();
        Browser visitor = browser();
        visitor.go(joinUrl);
        visitor.await("the join form", driver -> visitor.find("#join-name").isDisplayed());
        assertNoViolations(visitor.seriousAccessibilityViolations(), "the join form");
        RoomPage bob = RoomPage.join(phone(), joinUrl, "Bob", false);
        RoomPage cy = RoomPage.join(browser(), joinUrl, "Cy", true);
        assertNoSeriousViolations(ada, "the host's room");
        assertNoSeriousViolations(bob, "a voter's room on a phone");
        assertNoSeriousViolations(cy, "an observer's room");
        ada.vote("3");
        bob.vote("5");
        ada.reveal();
        assertNoSeriousViolations(ada, "the host after a reveal");
        ada.openInvitation();
        assertNoSeriousViolations(ada, "the invitation dialog");
        ada.closeInvitation();
        ada.makeHost("Bob");
        bob.awaitHostControls(true);
        bob.addStory("PROJ-1234", "A story whose title is long enough to need two lines on a phone");
        assertTrue(bob.fitsTheScreen(), "the backlog and its controls fit a phone's width");
        assertNoSeriousViolations(bob, "the new host on a phone, with a backlog");
        bob.remove("Cy");
        cy.awaitEnded();
        assertNoSeriousViolations(cy, "the page of someone removed");
        ada.awaitTrue("Cy listed as removed", () -> ada.removed().contains("Cy"));
        assertNoSeriousViolations(ada, "the owner's room with someone removed");
    }

    /** The check above can fail: an image without a text alternative on the start page is reported. */
    @Test
    void axeReportsWhatItShould() {
        Browser page = browser();
        page.go(ORIGIN + "/");
        page.script("document.querySelector('main').append(Object.assign(document.createElement('img'),"
                + " { src: '/assets/favicon.svg' }))");
        List<String> violations = page.seriousAccessibilityViolations();
        assertTrue(violations.stream().anyMatch(violation -> violation.startsWith("image-alt (critical)")),
                violations::toString);
    }

    private static void assertNoSeriousViolations(RoomPage page, String state) {
        assertNoViolations(page.accessibilityViolations(), state);
    }

    private static void assertNoViolations(List<String> violations, String state) {
        assertEquals(List.of(), violations, "axe on " + state);
    }

    private Browser browser() {
        Browser browser = Browser.open();
        opened.add(browser);
        return browser;
    }

    private Browser phone() {
        Browser browser = Browser.phone();
        opened.add(browser);
        return browser;
    }
}
