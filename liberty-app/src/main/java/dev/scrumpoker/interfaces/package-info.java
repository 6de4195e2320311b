/** The edges through which the world reaches Scrum Poker: REST, WebSocket, health. */
package dev.scrumpoker.interfaces;
