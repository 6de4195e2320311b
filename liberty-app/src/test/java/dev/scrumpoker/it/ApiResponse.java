package dev.scrumpoker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpHeaders;

/** A REST answer: status, headers and the body as text, with the body readable as JSON. */
record ApiResponse(int status, HttpHeaders headers, String body) {

    JsonObject json() {
        return Jsons.parse(body);
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** Asserts the status and returns the JSON body. */
    JsonObject expect(int expectedStatus) {
        assertEquals(expectedStatus, status, () -> "unexpected status; body: " + body);
        return json();
    }

    /** Asserts the contract's error answer: the status, and a JSON body {"error": code, "message": non-empty}. */
    JsonObject expectError(int expectedStatus, String code) {
        assertEquals(expectedStatus, status, () -> "unexpected status; body: " + body);
        String contentType = header("Content-Type");
        assertTrue(contentType != null && contentType.startsWith("application/json"),
                () -> "error answers are JSON, got " + contentType);
        JsonObject error = json();
        assertEquals(code, error.getString("error"), () -> "unexpected error code in " + body);
        assertFalse(error.getString("message", "").isBlank(), () -> "error without a message: " + body);
        return error;
    }
}
