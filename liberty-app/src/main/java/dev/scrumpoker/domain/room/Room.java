package dev.scrumpoker.domain.room;

import dev.scrumpoker.domain.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A planning-poker room: its deck, who owns it and who may enter. Deleting it is soft: history stays. */
@Entity
@Table(name = "rooms")
public class Room {

    /** Cards are stored in one column, separated by a control character that {@link Text} never lets into a card. */
    private static final String CARD_SEPARATOR = "\u001f";

    @Id
    private String id;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "deck", nullable = false)
    private DeckType deckType;

    @Column(nullable = false)
    private String cards;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Privacy privacy;

    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;

    @Column(name = "invite_key", nullable = false)
    private String inviteKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected Room() {
    }

    public Room(String title, Deck deck, Privacy privacy, UUID ownerId, Instant now) {
        Objects.requireNonNull(deck, "deck is required");
        this.id = RoomCode.next();
        this.title = title(title);
        this.deckType = deck.type();
        this.cards = String.join(CARD_SEPARATOR, deck.cards());
        this.privacy = Objects.requireNonNull(privacy, "privacy is required");
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId is required");
        this.inviteKey = RoomCode.secret();
        this.createdAt = Objects.requireNonNull(now, "now is required");
    }

    /**
     * A room as its columns keep it ({@code cards} in the stored form, see {@link #CARD_SEPARATOR}), for readers that
     * do not go through JPA.
     */
    public static Room restore(String id, String title, DeckType deckType, String storedCards, Privacy privacy,
                               UUID ownerId, String inviteKey, Instant createdAt, Instant deletedAt) {
        Room room = new Room();
        room.id = Objects.requireNonNull(id, "id is required");
        room.title = Objects.requireNonNull(title, "title is required");
        room.deckType = Objects.requireNonNull(deckType, "deckType is required");
        room.cards = Objects.requireNonNull(storedCards, "storedCards is required");
        room.privacy = Objects.requireNonNull(privacy, "privacy is required");
        room.ownerId = Objects.requireNonNull(ownerId, "ownerId is required");
        room.inviteKey = Objects.requireNonNull(inviteKey, "inviteKey is required");
        room.createdAt = Objects.requireNonNull(createdAt, "createdAt is required");
        room.deletedAt = deletedAt;
        return room;
    }

    public static String title(String value) {
        return Text.require("title", value, 1, 120);
    }

    public void delete(Instant now) {
        if (deletedAt == null) {
            deletedAt = now;
        }
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isOwnedBy(UUID userId) {
        return ownerId.equals(userId);
    }

    /**
     * Whether someone without a seat may take one: everyone for PUBLIC rooms, invitees and the owner otherwise. The
     * key is compared in constant time, so answer times say nothing about how much of a guess was right.
     */
    public boolean admits(UUID userId, String presentedInviteKey) {
        return privacy == Privacy.PUBLIC || isOwnedBy(userId) || presentedInviteKey != null
                && MessageDigest.isEqual(inviteKey.getBytes(StandardCharsets.UTF_8),
                presentedInviteKey.getBytes(StandardCharsets.UTF_8));
    }

    /** A new invitation: links with the old key no longer let newcomers in (seats already taken stay). */
    public void rotateInvitation() {
        inviteKey = RoomCode.secret();
    }

    public Deck deck() {
        return new Deck(deckType, List.of(cards.split(CARD_SEPARATOR)));
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Privacy privacy() {
        return privacy;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String inviteKey() {
        return inviteKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    @Override
    public String toString() {
        return "Room[" + id + "]";
    }
}
