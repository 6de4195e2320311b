package dev.scrumpoker.domain.room;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's seat in a room. The seat outlives connections: a user who drops and comes back gets the same seat,
 * role, host status and vote. {@code seated} is false once the user left or was kicked; {@code banned} after a kick.
 */
public final class Participant {

    private final UUID id;
    private final String roomId;
    private final UUID userId;
    private final Instant joinedAt;
    private String displayName;
    private Role role;
    private boolean host;
    private boolean seated;
    private boolean banned;

    public Participant(UUID id, String roomId, UUID userId, String displayName, Role role, boolean host,
                       boolean seated, boolean banned, Instant joinedAt) {
        this.id = Objects.requireNonNull(id, "id is required");
        this.roomId = Objects.requireNonNull(roomId, "roomId is required");
        this.userId = Objects.requireNonNull(userId, "userId is required");
        this.displayName = Objects.requireNonNull(displayName, "displayName is required");
        this.role = Objects.requireNonNull(role, "role is required");
        this.host = host;
        this.seated = seated;
        this.banned = banned;
        this.joinedAt = Objects.requireNonNull(joinedAt, "joinedAt is required");
    }

    Participant copy() {
        return new Participant(id, roomId, userId, displayName, role, host, seated, banned, joinedAt);
    }

    void sit(String newDisplayName, Role newRole) {
        displayName = newDisplayName;
        role = newRole;
        seated = true;
    }

    void stand(boolean ban) {
        seated = false;
        host = false;
        banned = banned || ban;
    }

    /** The ban is lifted: the user may take a seat again (the seat itself stays empty until they do). */
    void unban() {
        banned = false;
    }

    void host(boolean isHost) {
        host = isHost;
    }

    public UUID id() {
        return id;
    }

    public String roomId() {
        return roomId;
    }

    public UUID userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public boolean isHost() {
        return host;
    }

    public boolean isSeated() {
        return seated;
    }

    public boolean isBanned() {
        return banned;
    }

    public Instant joinedAt() {
        return joinedAt;
    }
}
