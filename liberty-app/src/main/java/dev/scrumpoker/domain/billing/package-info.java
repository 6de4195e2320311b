/**
 * Subscriptions: what a user pays for, as Stripe reports it through signed webhook events, and the tier it entitles
 * them to. The rules (which event wins, what a status means) live here; Stripe's API and JSON stay in the adapter.
 */
package dev.scrumpoker.domain.billing;
