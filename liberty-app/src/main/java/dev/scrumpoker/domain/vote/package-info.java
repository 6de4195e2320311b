/** Votes: the card each participant put down in a round, secret until the reveal. */
package dev.scrumpoker.domain.vote;
