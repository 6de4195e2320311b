/** How the public interface writes domain objects as JSON, shared by the REST and WebSocket edges. */
package dev.scrumpoker.interfaces.representation;
