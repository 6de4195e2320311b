package dev.scrumpoker.domain.room;

import java.security.SecureRandom;

/**
 * Makes the short codes that name rooms in links. Letters and digits that are easy to confuse when read aloud
 * (0/O, 1/l/I) are left out; 56^8 codes make guessing a room impractical.
 */
public final class RoomCode {

    public static final int LENGTH = 8;
    private static final String ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RoomCode() {
    }

    public static String next() {
        return random(LENGTH);
    }

    /** A secret for invitation links: longer than a room code, same alphabet. */
    public static String secret() {
        return random(22);
    }

    public static boolean isWellFormed(String code) {
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String random(int length) {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }
}
