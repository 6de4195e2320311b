/**
 * The Stripe adapter: Checkout Sessions through stripe-java (the API base is configurable, so tests and load tests
 * run against stripe-mock) and the reading of signed webhook events into billing events.
 */
package dev.scrumpoker.infrastructure.stripe;
