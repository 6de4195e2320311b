package dev.scrumpoker.interfaces.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClientMessageTest {

    @Test
    void nestingCountsArraysAndObjectsButNotBracketsInStrings() {
        assertEquals(2, ClientMessage.nesting("{\"type\":\"vote.cast.v1\",\"payload\":{\"cardValue\":\"5\"}}"));
        assertEquals(1, ClientMessage.nesting("{\"type\":\"[[[{{{\\\"[[\"}"));
        assertEquals(0, ClientMessage.nesting("\"just a string\""));
    }

    @Test
    void aDeeplyNestedFrameIsInvalidBeforeAnyParserRecursesIntoIt() {
        String deep = "[".repeat(8_000);

        ClientMessage.Invalid invalid = assertThrows(ClientMessage.Invalid.class, () -> ClientMessage.parse(deep));

        assertEquals(null, invalid.requestId());
    }

    @Test
    void anOrdinaryFrameIsRead() {
        ClientMessage message = ClientMessage.parse(
                "{\"type\":\"vote.cast.v1\",\"requestId\":\"r1\",\"payload\":{\"cardValue\":\"5\"}}");

        assertEquals("vote.cast.v1", message.type());
        assertEquals("r1", message.requestId());
        assertEquals("5", message.payload().getString("cardValue"));
    }
}
