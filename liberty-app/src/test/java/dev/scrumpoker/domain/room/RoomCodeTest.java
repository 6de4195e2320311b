package dev.scrumpoker.domain.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RoomCodeTest {

    /** URL-safe without escaping, and none of the look-alikes 0, o, O, 1, l, I. */
    private static final Pattern READABLE = Pattern.compile("[2-9a-km-np-zA-HJ-NP-Z]+");

    @Test
    void codesAreEightReadableUrlSafeCharacters() {
        for (int i = 0; i < 2_000; i++) {
            String code = RoomCode.next();
            assertEquals(RoomCode.LENGTH, code.length());
            assertEquals(8, code.length());
            assertTrue(READABLE.matcher(code).matches(), code);
            assertTrue(RoomCode.isWellFormed(code), code);
        }
    }

    @Test
    void everyReadableSymbolTurnsUp() {
        Set<Character> symbols = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            for (char c : RoomCode.next().toCharArray()) {
                symbols.add(c);
            }
        }
        // 8 digits (2-9) + 24 lower-case + 24 upper-case letters: 16,000 draws leave none of the 56 out in practice.
        assertEquals(56, symbols.size());
    }

    @Test
    void codesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(RoomCode.next()), "duplicate room code");
        }
    }

    @Test
    void secretsAreLongerThanCodesAndUseTheSameAlphabet() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String secret = RoomCode.secret();
            assertEquals(22, secret.length());
            assertTrue(READABLE.matcher(secret).matches(), secret);
            assertTrue(seen.add(secret), "duplicate secret");
        }
    }

    @Test
    void secretIsNotAWellFormedRoomCode() {
        assertFalse(RoomCode.isWellFormed(RoomCode.secret()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefgh", "23456789", "ABCDEFGH", "zZyY9a2k"})
    void wellFormedCodesAreAccepted(String code) {
        assertTrue(RoomCode.isWellFormed(code));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abcdefg", "abcdefghi", "abcdefg0", "abcdefgO", "abcdefgo", "abcdefg1", "abcdefgl",
            "abcdefgI", "abcd-fgh", "abcd_fgh", "abcd fgh", "abcd/fgh", "abcdéfgh", "../../et"})
    void malformedCodesAreRefused(String code) {
        assertFalse(RoomCode.isWellFormed(code));
    }
}
