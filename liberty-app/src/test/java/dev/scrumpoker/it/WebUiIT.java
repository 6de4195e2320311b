package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
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
