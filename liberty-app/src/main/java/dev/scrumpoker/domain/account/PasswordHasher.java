package dev.scrumpoker.domain.account;

/** A slow, salted one-way function for passwords. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String storedHash);
}
