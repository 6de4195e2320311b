/**
 * A room's backlog: the stories its team estimates one after another, in the host's order, each with the estimate
 * the team agreed on. Free of any framework: the room's owner applies it in memory like the rest of the room.
 */
package dev.scrumpoker.domain.backlog;
