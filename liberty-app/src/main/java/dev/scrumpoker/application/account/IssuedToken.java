package dev.scrumpoker.application.account;

/** A signed token and how many seconds it stays valid. */
public record IssuedToken(String token, long expiresIn) {
}
