/**
 * Rooms and what happens in them: decks, seats, the host, and {@link dev.scrumpoker.domain.room.LiveRoom}, the
 * rules of a room being played, which turn each request into {@link dev.scrumpoker.domain.room.RoomEvent}s.
 */
package dev.scrumpoker.domain.room;
