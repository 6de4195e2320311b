package dev.scrumpoker.domain.room;

import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** The cards of a room: a standard deck, or 2–20 distinct custom cards of at most 8 characters. */
public record Deck(DeckType type, List<String> cards) {

    public static final int MIN_CUSTOM_CARDS = 2;
    public static final int MAX_CUSTOM_CARDS = 20;
    public static final int MAX_CARD_LENGTH = 8;

    public Deck {
        Objects.requireNonNull(type, "type is required");
        cards = List.copyOf(cards);
    }

    /**
     * Builds the deck a user asked for. Custom cards must be given for CUSTOM and only for CUSTOM, so a client
     * never believes its cards were taken when they were ignored.
     */
    public static Deck of(DeckType type, List<String> customCards) {
        if (type == null) {
            throw DomainException.invalid("deck must be one of FIBONACCI, MODIFIED_FIBONACCI, TSHIRT, POWERS_OF_2, CUSTOM");
        }
        if (type != DeckType.CUSTOM) {
            if (customCards != null && !customCards.isEmpty()) {
                throw DomainException.invalid("cards may only be given for the CUSTOM deck");
            }
            return new Deck(type, type.standardCards());
        }
        if (customCards == null || customCards.size() < MIN_CUSTOM_CARDS || customCards.size() > MAX_CUSTOM_CARDS) {
            throw DomainException.invalid("a CUSTOM deck needs " + MIN_CUSTOM_CARDS + "–" + MAX_CUSTOM_CARDS + " cards");
        }
        List<String> cleaned = new ArrayList<>(customCards.size());
        for (String card : customCards) {
            cleaned.add(Text.require("card", card, 1, MAX_CARD_LENGTH));
        }
        if (new LinkedHashSet<>(cleaned).size() != cleaned.size()) {
            throw DomainException.invalid("cards must be distinct");
        }
        return new Deck(type, cleaned);
    }

    public boolean contains(String card) {
        return card != null && cards.contains(card);
    }
}
