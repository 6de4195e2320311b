/** The audit log: who did what to a room or an account, and when. Written in the same transaction as the action. */
package dev.scrumpoker.domain.audit;
