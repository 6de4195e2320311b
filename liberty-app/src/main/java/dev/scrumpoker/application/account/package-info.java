/**
 * Accounts: guest and registered sign-in, looking oneself up, and the port for issuing and checking tokens
 * ({@link dev.scrumpoker.application.account.TokenService}). Hashing and signing happen outside the write transactions.
 */
package dev.scrumpoker.application.account;
