/**
 * Use cases, grouped by context with their ports beside them: {@code account} (signing up and in, tokens),
 * {@code room} (rooms and their history over REST), {@code billing} (checkout and subscriptions), {@code play} (rooms
 * being played live). What they share sits here: {@link dev.scrumpoker.application.Unavailable} (a dependency could
 * not do its part, as opposed to a rule refusing the request), this node's identity and the clock.
 */
package dev.scrumpoker.application;
