package dev.scrumpoker.domain.room;

/** What a participant does in a room: votes, or only watches. */
public enum Role {
    VOTER,
    OBSERVER
}
