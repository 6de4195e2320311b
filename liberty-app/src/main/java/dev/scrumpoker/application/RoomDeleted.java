package dev.scrumpoker.application;

/** Fired when a room was deleted; observed after commit to close its live connections. */
public record RoomDeleted(String roomId) {
}
