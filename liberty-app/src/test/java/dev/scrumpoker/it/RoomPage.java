package dev.scrumpoker.it;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** What a person does and sees on the start page and in a room, in the UI's own terms: a page object. */
final class RoomPage {

    private final Browser browser;

    private RoomPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the start page at {@code origin}, creates a room as a guest and waits until seated in it. */
    static RoomPage createRoom(Browser browser, String origin, String displayName, String title) {
        return create(browser, origin, displayName, title, () -> { });
    }

    /** Like {@link #createRoom}, with a deck of the user's own cards typed as the form asks ("1, 2, 3"). */
    static RoomPage createRoomWithCards(Browser browser, String origin, String displayName, String title,
                                       String cards) {
        return create(browser, origin, displayName, title, () -> {
            new Select(browser.find("#create-deck")).selectByValue("CUSTOM");
            browser.find("#create-cards").sendKeys(cards);
        });
    }

    static RoomPage createInviteOnlyRoom(Browser browser, String origin, String displayName, String title) {
        return create(browser, origin, displayName, title,
                () -> browser.find("#create-form input[value=INVITE_ONLY]").click());
    }

    private static RoomPage create(Browser browser, String origin, String displayName, String title,
                                   Runnable moreChoices) {
        browser.go(origin + "/");
        browser.find("#create-name").sendKeys(displayName);
        browser.find("#create-title").sendKeys(title);
        moreChoices.run();
        browser.find("#create-form button[type=submit]").click();
        return new RoomPage(browser).awaitSeated();
    }

    /** Opens a join link, enters a name and takes a seat as a voter or an observer. */
    static RoomPage join(Browser browser, String joinUrl, String displayName, boolean observer) {
        return tryToJoin(browser, joinUrl, displayName, observer).awaitSeated();
    }

    /** Opens a join link and asks for a seat, without waiting for one. */
    static RoomPage tryToJoin(Browser browser, String joinUrl, String displayName, boolean observer) {
        browser.go(joinUrl);
        browser.await("the join form", driver -> browser.find("#join-name").isDisplayed());
        // A signed-in user finds the field filled with the account's name.
        browser.find("#join-name").clear();
        browser.find("#join-name").sendKeys(displayName);
        browser.find(observer ? "#join-form input[value=OBSERVER]" : "#join-form input[value=VOTER]").click();
        browser.find("#join-form button[type=submit]").click();
        return new RoomPage(browser);
    }

    private RoomPage awaitSeated() {
        browser.await("seated in the room", driver -> browser.find("#room").isDisplayed()
                && "joined".equals(connectionState()));
        return this;
    }

    String joinUrl() {
        browser.find("#invite-button").click();
        browser.await("the invitation link", driver -> browser.find("#invite-dialog").getAttribute("aria-busy") == null);
        String url = browser.find("#invite-link").getAttribute("value");
        browser.find("#invite-dialog button[value=close]").click();
        return url;
    }

    List<String> deck() {
        return browser.findAll("#deck button").stream().map(card -> card.getAttribute("data-card")).toList();
    }

    void makeHost(String displayName) {
        participant(displayName).findElement(By.xpath(".//button[text()='Make host']")).click();
    }

    /** Removes someone from the room, confirming the browser's "are you sure" question. */
    void remove(String displayName) {
        participant(displayName).findElement(By.xpath(".//button[text()='Remove']")).click();
        browser.switchTo().alert().accept();
    }

    /** The owner takes host back from whoever has it. */
    void takeHostBack() {
        browser.await("the 'Take host back' button", driver -> browser.find("#claim-host-button").isDisplayed());
        browser.find("#claim-host-button").click();
    }

    /** The owner lets someone they (or a host) removed come back. */
    void letBackIn(String displayName) {
        browser.await(displayName + " listed as removed", driver -> removed().contains(displayName));
        browser.findAll("#removed .participant").stream()
                .filter(item -> item.findElement(By.cssSelector(".name")).getText().equals(displayName))
                .findFirst().orElseThrow()
                .findElement(By.xpath(".//button[text()='Let back in']")).click();
        browser.await(displayName + " no longer listed as removed", driver -> !removed().contains(displayName));
    }

    /** Who the owner sees as removed from the room (nothing for anyone else). */
    List<String> removed() {
        return browser.findAll("#removed .name").stream().filter(WebElement::isDisplayed).map(WebElement::getText)
                .toList();
    }

    /** Opens the join link again in this page's browser, as the same user, and takes a seat. */
    RoomPage rejoin(String joinUrl, String displayName) {
        return join(browser, joinUrl, displayName, false);
    }

    void awaitHostControls(boolean shown) {
        browser.await(shown ? "host controls" : "no host controls", driver -> hasHostControls() == shown);
    }

    void awaitGone(String displayName) {
        browser.await(displayName + " gone from the room", driver -> participantCount(displayName) == 0);
    }

    /** Waits for the page that says this person is no longer in the room, and returns what it says. */
    String awaitEnded() {
        browser.await("the 'no longer in this room' page", driver -> browser.find("#ended").isDisplayed());
        return browser.find("#ended-message").getText();
    }

    void vote(String card) {
        card(card).click();
        awaitSelected(card);
    }

    /** Votes with the keyboard only: focus the first card, arrow right {@code steps} times, Enter. */
    void voteByKeyboard(int steps, String expectedCard) {
        WebElement first = browser.find("#deck button");
        browser.script("arguments[0].focus()", first);
        for (int i = 0; i < steps; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        }
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        awaitSelected(expectedCard);
    }

    void awaitSelected(String card) {
        browser.await("card " + card + " shown as my vote", driver -> Objects.equals(selectedCard(), card));
    }

    /** The card shown as this person's vote, or null. */
    String selectedCard() {
        List<WebElement> pressed = browser.findAll("#deck button[aria-pressed=true]");
        return pressed.isEmpty() ? null : pressed.get(0).getAttribute("data-card");
    }

    void awaitVoted(String displayName, boolean voted) {
        browser.await(displayName + (voted ? " marked as voted" : " marked as not voted"),
                driver -> String.valueOf(voted).equals(participant(displayName).getAttribute("data-voted")));
    }

    void awaitConnected(String displayName, boolean connected) {
        browser.await(displayName + (connected ? " shown connected" : " shown disconnected"),
                driver -> String.valueOf(connected).equals(participant(displayName).getAttribute("data-connected")));
    }

    String statusOf(String displayName) {
        return participant(displayName).findElement(By.cssSelector(".status")).getText();
    }

    void reveal() {
        browser.await("the reveal button enabled", driver -> browser.find("#reveal-button").isEnabled());
        browser.find("#reveal-button").click();
        awaitRevealed();
    }

    void awaitRevealed() {
        browser.await("the results", driver -> browser.find("#results").isDisplayed());
    }

    String stat(String name) {
        return browser.find("#stats [data-stat=" + name + "] dd").getText();
    }

    /** Bar chart rows as "card=count". */
    List<String> distribution() {
        return browser.findAll("#chart .bar-row").stream()
                .map(row -> row.getAttribute("data-card") + "=" + row.findElement(By.cssSelector(".bar-count")).getText())
                .toList();
    }

    void startNextRound(String storyTitle) {
        browser.find("#story-input").sendKeys(storyTitle);
        browser.find("#next-round-button").click();
    }

    void awaitRound(int number) {
        browser.await("round " + number, driver -> browser.find("#round-heading").getText().equals("Round " + number));
    }

    String story() {
        return browser.find("#story").getText();
    }

    String connectionState() {
        return browser.find("#connection").getAttribute("data-state");
    }

    void awaitConnectionState(String state) {
        browser.await("connection " + state, driver -> state.equals(connectionState()));
    }

    String announcement() {
        return browser.find("#announcer").getText();
    }

    boolean hasDeck() {
        return browser.find("#deck-area").isDisplayed();
    }

    boolean hasHostControls() {
        return browser.find("#host-controls").isDisplayed();
    }

    List<String> historyStories() {
        return browser.findAll("#rounds .history-story").stream().map(WebElement::getText).toList();
    }

    WebElement participant(String displayName) {
        return browser.findAll("#participants .participant").stream()
                .filter(item -> item.findElement(By.cssSelector(".name")).getText().equals(displayName))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no participant named " + displayName));
    }

    String title() {
        return browser.find("#room-title").getText();
    }

    int participantCount(String displayName) {
        return (int) browser.findAll("#participants .participant .name").stream()
                .filter(name -> name.getText().equals(displayName)).count();
    }

    void awaitHistory(String storyTitle) {
        browser.await("round '" + storyTitle + "' in the history", driver -> historyStories().contains(storyTitle));
    }

    void awaitTrue(String what, BooleanSupplier condition) {
        browser.await(what, driver -> condition.getAsBoolean());
    }

    /** True when no user text turned into elements or ran as script anywhere on the page. */
    boolean isInert() {
        return Boolean.TRUE.equals(browser.script("return window.pwned === undefined"
                + " && document.querySelectorAll('#participants img, #votes img, #story *, #room-title *').length === 0"
                + " && document.querySelectorAll('main script, header script').length === 0"));
    }

    boolean fitsTheScreen() {
        return Boolean.TRUE.equals(browser.script(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
    }

    void openInvitation() {
        browser.find("#invite-button").click();
        browser.await("the invitation link", driver -> browser.find("#invite-dialog").getAttribute("aria-busy") == null);
    }

    void closeInvitation() {
        browser.find("#invite-dialog button[value=close]").click();
    }

    // Session flow

    void turnOnAutoReveal() {
        browser.find("#auto-reveal").click();
        browser.await("auto-reveal on", driver -> browser.find("#auto-reveal").isSelected());
    }

    void startCountdown() {
        browser.find("#countdown-start-button").click();
        awaitCountdown(true);
    }

    void awaitCountdown(boolean shown) {
        browser.await(shown ? "a countdown" : "no countdown", driver -> browser.find("#countdown").isDisplayed() == shown);
    }

    String countdown() {
        return browser.find("#countdown").getText();
    }

    // Backlog

    /** Picks a CSV file with the backlog's "Import CSV" (the file input behind the button). */
    void importStories(Path csvFile) {
        browser.find("#import-file").sendKeys(csvFile.toAbsolutePath().toString());
    }

    /** The host types a story into the backlog's form. */
    void addStory(String key, String title) {
        browser.find("#new-story-key").sendKeys(key);
        browser.find("#new-story-title").sendKeys(title);
        browser.find("#add-story-button").click();
        browser.await("the story " + title + " in the backlog", driver -> stories().contains(title));
    }

    /** The backlog's story titles in order. */
    List<String> stories() {
        return browser.findAll("#stories .story-title").stream().map(WebElement::getText).toList();
    }

    void awaitStories(List<String> titles) {
        browser.await("the backlog " + titles, driver -> stories().equals(titles));
    }

    String backlogProgress() {
        return browser.find("#backlog-progress").getText();
    }

    /** What the backlog shows as the story's estimate ("5 pts", or "Not estimated"). */
    String estimateOf(String title) {
        return story(title).findElement(By.cssSelector(".story-estimate")).getText();
    }

    void awaitEstimate(String title, String shown) {
        browser.await(title + " estimated " + shown, driver -> estimateOf(title).equals(shown));
    }

    /** The host records the agreed estimate of the revealed round's story. */
    void recordEstimate(String estimate) {
        WebElement input = browser.find("#estimate-input");
        browser.await("the estimate form", driver -> input.isDisplayed());
        input.clear();
        input.sendKeys(estimate);
        browser.find("#estimate-button").click();
        browser.await("the agreed estimate shown", driver -> browser.find("#agreed-value").getText()
                .equals("Agreed estimate: " + estimate));
    }

    /** The host starts a round on a story of the backlog (to vote on it again, say). */
    void voteOn(String title) {
        story(title).findElement(By.cssSelector(".actions .button.secondary")).click();
    }

    /** The host starts the next round without a title: it takes the backlog's next story without an estimate. */
    void startNextStory() {
        browser.find("#next-round-button").click();
    }

    /** Downloads the backlog as CSV with the page's own button, and answers the file's text. */
    String downloadStoriesCsv(String roomId) {
        browser.find("#stories-csv-button").click();
        return browser.awaitDownload("scrum-poker-" + roomId + "-stories.csv");
    }

    String roomId() {
        return browser.find("#room-code").getText();
    }

    private WebElement story(String title) {
        return browser.findAll("#stories .story-item").stream()
                .filter(item -> item.findElement(By.cssSelector(".story-title")).getText().equals(title))
                .findFirst().orElseThrow(() -> new NoSuchElementException("no story titled " + title));
    }

    /** What axe finds on the page as it is now that is serious or critical (empty when it passes). */
    List<String> accessibilityViolations() {
        return browser.seriousAccessibilityViolations();
    }

    void screenshotTo(Path file) {
        browser.screenshot(file);
    }

    private WebElement card(String card) {
        return browser.find("#deck button[data-card='" + card + "']");
    }
}
