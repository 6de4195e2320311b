package dev.scrumpoker.application.limits;

/** Counts uses against limits, shared by every node. */
public interface RateLimits {

    /** Counts one use of {@code key} and says whether it is within the limit. */
    Admission take(Limit limit, String key);

    /**
     * Counts one use of {@code key} without waiting for the shared count: answers from the shared count as last known
     * plus this node's uses since, and passes this node's uses on later. For paths that must not wait on Redis (a
     * reconnection storm's handshakes); a few uses past the limit may get through meanwhile.
     */
    Admission takeWithoutWaiting(Limit limit, String key);

    /** Says whether one more use of {@code key} would be within the limit, without counting it. */
    Admission check(Limit limit, String key);

    /** Forgets the uses counted for {@code key} in the current window (e.g. failed logins after a success). */
    void forget(Limit limit, String key);
}
