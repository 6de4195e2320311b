package dev.scrumpoker.domain.room;

import java.util.List;

/** The decks a room can play with; CUSTOM brings its own cards. */
public enum DeckType {
    FIBONACCI(List.of("0", "1", "2", "3", "5", "8", "13", "21", "34", "55", "89", "?")),
    MODIFIED_FIBONACCI(List.of("0", "½", "1", "2", "3", "5", "8", "13", "20", "40", "100", "?", "☕")),
    TSHIRT(List.of("XS", "S", "M", "L", "XL", "XXL", "?")),
    POWERS_OF_2(List.of("0", "1", "2", "4", "8", "16", "32", "64", "?")),
    CUSTOM(List.of());

    private final List<String> cards;

    DeckType(List<String> cards) {
        this.cards = cards;
    }

    /** The fixed cards of a standard deck; empty for CUSTOM. */
    public List<String> standardCards() {
        return cards;
    }
}
