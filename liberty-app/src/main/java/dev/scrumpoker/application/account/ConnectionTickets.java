package dev.scrumpoker.application.account;

import java.util.Optional;

/**
 * Passes for opening a room's WebSocket: short-lived and good for one connection, so that a browser never puts its
 * bearer token (valid for hours) into a URL, where proxies, server logs and browser history keep it.
 */
public interface ConnectionTickets {

    IssuedTicket issue(VerifiedCaller caller);

    /** The caller a ticket was issued to, if it is ours, unexpired and not used before. */
    Optional<VerifiedCaller> redeem(String ticket);

    record IssuedTicket(String ticket, long expiresInSeconds) {
    }
}
