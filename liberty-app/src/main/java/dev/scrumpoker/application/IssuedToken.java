package dev.scrumpoker.application;

/** A signed token and how many seconds it stays valid. */
public record IssuedToken(String token, long expiresIn) {
}
