package dev.scrumpoker.interfaces.representation;

import dev.scrumpoker.domain.room.Deck;
import dev.scrumpoker.domain.room.Privacy;
import dev.scrumpoker.domain.room.Room;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A room as the API shows it. The invitation is in {@code joinUrl} only for the owner of an invite-only room. */
public record RoomRepresentation(String id, String title, String deck, List<String> cards, String privacy,
                                 UUID ownerId, Instant createdAt, String joinUrl) {

    public static RoomRepresentation of(Room room, UUID viewerId, String publicUrl) {
        String joinUrl = publicUrl + "/r/" + room.id();
        if (room.privacy() == Privacy.INVITE_ONLY && room.isOwnedBy(viewerId)) {
            joinUrl += "?invite=" + room.inviteKey();
        }
        Deck deck = room.deck();
        return new RoomRepresentation(room.id(), room.title(), deck.type().name(), deck.cards(),
                room.privacy().name(), room.ownerId(), room.createdAt(), joinUrl);
    }
}
