/**
 * Rooms over REST: creating, listing (keyset pages), deleting, and reading a room's round history. Playing a room
 * live is {@code application.play}.
 */
package dev.scrumpoker.application.room;
