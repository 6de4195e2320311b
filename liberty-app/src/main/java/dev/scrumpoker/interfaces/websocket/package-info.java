/**
 * The WebSocket edge: one endpoint per room connection, strict frame parsing, per-connection send queues, the
 * connection timers and the meters of live rooms.
 */
package dev.scrumpoker.interfaces.websocket;
