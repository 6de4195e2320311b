package dev.scrumpoker.domain.account;

/** Subscription tiers; free accounts have limits, paid ones do not. */
public enum Tier {
    FREE(3, 20, 50),
    // Paid plans have a ceiling on stories all the same: a room's backlog lives in the memory of the node playing it.
    PRO(Integer.MAX_VALUE, Integer.MAX_VALUE, 1000),
    TEAM(Integer.MAX_VALUE, Integer.MAX_VALUE, 1000);

    private final int maxOpenRooms;
    private final int roundHistory;
    private final int storiesPerRoom;

    Tier(int maxOpenRooms, int roundHistory, int storiesPerRoom) {
        this.maxOpenRooms = maxOpenRooms;
        this.roundHistory = roundHistory;
        this.storiesPerRoom = storiesPerRoom;
    }

    /** How many stories the backlog of a room this tier's user owns may hold. */
    public int storiesPerRoom() {
        return storiesPerRoom;
    }

    public int maxOpenRooms() {
        return maxOpenRooms;
    }

    public int roundHistory() {
        return roundHistory;
    }
}
