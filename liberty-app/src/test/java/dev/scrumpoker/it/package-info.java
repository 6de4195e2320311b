/**
 * Integration tests ({@code *IT}, run by Failsafe) against a real Liberty server with real PostgreSQL and Redis,
 * through the public interface only: REST with {@link java.net.http.HttpClient}, rooms with
 * {@link java.net.http.WebSocket}. {@code Api}, {@code RoomClient}, {@code Frames}, {@code Tokens} and {@code Server}
 * are the support layer; every other class is one area of the contract.
 */
package dev.scrumpoker.it;
