package dev.scrumpoker.application.account;

import java.time.Instant;

/** Remembers, across the nodes, which one-time things were used already. */
public interface SingleUse {

    /** True the first time {@code id} is presented before {@code forgetAfter}; false ever after. */
    boolean firstUse(String id, Instant forgetAfter);
}
