package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signing in as a guest, registering, logging in, and who the token says you are. */
class AuthIT {

    private static final String PASSWORD = "s3cret-enough";

    @BeforeAll
    static void serverIsReady() {
        Server.A.awaitReady();
    }

    @Test
    void guestGetsATokenAndIsKnownByIt() {
        ApiResponse created = Api.post("/auth/guest", null, Jsons.object("displayName", "  Grace  "));

        JsonObject answer = created.expect(201);
        assertEquals(3, answer.getString("token").split("\\.").length, "a JWT");
        assertTrue(answer.getJsonNumber("expiresIn").longValue() > 0);
        JsonObject user = answer.getJsonObject("user");
        UUID.fromString(user.getString("id"));
        assertEquals("Grace", user.getString("displayName"), "names are trimmed");
        assertTrue(user.getBoolean("guest"));

        JsonObject me = Api.get("/users/me", answer.getString("token")).expect(200);
        assertEquals(user.getString("id"), me.getString("id"));
        assertEquals("Grace", me.getString("displayName"));
        assertTrue(me.isNull("email"), "guests have no email");
        assertTrue(me.getBoolean("guest"));
        assertEquals("FREE", me.getString("tier"));
    }

    @Test
    void tokenNamesItsAudienceAsAList() {
        String token = Api.post("/auth/guest", null, Jsons.object("displayName", "Ada")).expect(201).getString("token");

        JsonObject claims = Jsons.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertEquals(List.of("scrum-poker"), Jsons.strings(claims.getJsonArray("aud")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "{}",
            "{\"displayName\":\"\"}",
            "{\"displayName\":\"   \"}",
            "{\"displayName\":null}",
            "{\"displayName\":\"01234567890123456789012345678901234567890\"}",
            "{\"displayName\":\"tab\\tinside\"}",
    })
    void guestNameMustBeOneToFortyCharacters(String body) {
        Api.post("/auth/guest", null, body).expectError(400, "VALIDATION_FAILED");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"displayName\":", "not json at all", "", "[\"Grace\"]"})
    void malformedJsonIsValidationFailed(String body) {
        Api.post("/auth/guest", null, body).expectError(400, "VALIDATION_FAILED");
    }

    @Test
    void registeredUserLogsInWithTheSameAnswerShape() {
        String email = "It-" + UUID.randomUUID() + "@Example.org";

        JsonObject registered = Api.post("/auth/register", null,
                Jsons.object("email", email, "password", PASSWORD, "displayName", "Reg")).expect(201);
        assertFalse(registered.getJsonObject("user").getBoolean("guest"));
        assertEquals("Reg", registered.getJsonObject("user").getString("displayName"));
        String userId = registered.getJsonObject("user").getString("id");

        JsonObject loggedIn = Api.post("/auth/login", null,
                Jsons.object("email", email.toUpperCase(Locale.ROOT), "password", PASSWORD)).expect(200);
        assertEquals(registered.keySet(), loggedIn.keySet(), "login answers like register");
        assertEquals(userId, loggedIn.getJsonObject("user").getString("id"), "emails are case-insensitive");
        assertFalse(loggedIn.getJsonObject("user").getBoolean("guest"));

        JsonObject me = Api.get("/users/me", loggedIn.getString("token")).expect(200);
        assertEquals(userId, me.getString("id"));
        assertEquals(email.toLowerCase(Locale.ROOT), me.getString("email"));
        assertFalse(me.getBoolean("guest"));
        assertEquals("FREE", me.getString("tier"));
    }

    @Test
    void registeringAnExistingEmailIsAConflict() {
        Api.Registered first = Api.register("First", PASSWORD);

        Api.post("/auth/register", null, Jsons.object("email", first.email().toUpperCase(Locale.ROOT),
                "password", "another-password", "displayName", "Second")).expectError(409, "CONFLICT");

        // The first account is untouched: its password still works.
        Api.post("/auth/login", null, Jsons.object("email", first.email(), "password", PASSWORD)).expect(200);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "{\"email\":\"nobody\",\"password\":\"long-enough-pw\",\"displayName\":\"X\"}",
            "{\"email\":\"short@example.org\",\"password\":\"123456789\",\"displayName\":\"X\"}",
            "{\"email\":\"noname@example.org\",\"password\":\"long-enough-pw\"}",
            "{\"password\":\"long-enough-pw\",\"displayName\":\"X\"}",
            "{\"email\":\"x@example.org\",\"password\":",
    })
    void invalidRegistrationsAreValidationFailed(String body) {
        Api.post("/auth/register", null, body).expectError(400, "VALIDATION_FAILED");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        Api.Registered account = Api.register("Victim", PASSWORD);

        ApiResponse wrongPassword = Api.post("/auth/login", null,
                Jsons.object("email", account.email(), "password", PASSWORD + "x"));
        ApiResponse unknownEmail = Api.post("/auth/login", null,
                Jsons.object("email", "nobody-" + UUID.randomUUID() + "@example.org", "password", PASSWORD));

        wrongPassword.expectError(401, "UNAUTHORIZED");
        unknownEmail.expectError(401, "UNAUTHORIZED");
        assertEquals(wrongPassword.body(), unknownEmail.body(), "nothing tells which accounts exist");
    }

    @Test
    void loginWithoutCredentialsIsValidationFailed() {
        Api.post("/auth/login", null, Jsons.object("email", "x@example.org")).expectError(400, "VALIDATION_FAILED");
        Api.post("/auth/login", null, "{\"email\":").expectError(400, "VALIDATION_FAILED");
    }

    @Test
    void missingForgedAndExpiredTokensAreUnauthorizedWithAJsonBody() {
        Api.User user = Api.freshGuest();
        Instant now = Instant.now();

        Api.get("/users/me", null).expectError(401, "UNAUTHORIZED");
        Api.get("/rooms", null).expectError(401, "UNAUTHORIZED");
        Api.post("/rooms", null, Jsons.object("title", "No token")).expectError(401, "UNAUTHORIZED");
        Api.get("/users/me", Tokens.signedByForeignKey(user.id(), user.displayName())).expectError(401, "UNAUTHORIZED");
        Api.get("/users/me", Tokens.signedByServerKey(user.id(), user.displayName(), now.minusSeconds(7200),
                now.minusSeconds(3600))).expectError(401, "UNAUTHORIZED");
        Api.get("/users/me", "garbage").expectError(401, "UNAUTHORIZED");
        // The control: the same forging with the server's key and current dates is accepted.
        JsonObject me = Api.get("/users/me", Tokens.signedByServerKey(user.id(), user.displayName(), now,
                now.plusSeconds(600))).expect(200);
        assertEquals(user.id(), me.getString("id"));
    }
}
