package dev.scrumpoker.application.account;

import dev.scrumpoker.domain.account.User;

/** The answer to a sign-in of any kind: the user and their new token. */
public record Authenticated(User user, IssuedToken token) {
}
