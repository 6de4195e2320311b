/** Rounds: one estimate of one story, from start through reveal, and the statistics of its votes. */
package dev.scrumpoker.domain.round;
