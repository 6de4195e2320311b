package dev.scrumpoker.domain.account;

/** Subscription tiers; free accounts have limits, paid ones do not. */
public enum Tier {
    FREE(3, 20),
    PRO(Integer.MAX_VALUE, Integer.MAX_VALUE),
    TEAM(Integer.MAX_VALUE, Integer.MAX_VALUE);

    private final int maxOpenRooms;
    private final int roundHistory;

    Tier(int maxOpenRooms, int roundHistory) {
        this.maxOpenRooms = maxOpenRooms;
        this.roundHistory = roundHistory;
    }

    public int maxOpenRooms() {
        return maxOpenRooms;
    }

    public int roundHistory() {
        return roundHistory;
    }
}
