package dev.scrumpoker.application.room;

/** Fired when a room was deleted; observed after commit to close its live connections. */
public record RoomDeleted(String roomId) {
}
