package dev.scrumpoker.domain.room;

/** Who may take a seat: anyone with the link, or only people with the invitation. */
public enum Privacy {
    PUBLIC,
    INVITE_ONLY
}
