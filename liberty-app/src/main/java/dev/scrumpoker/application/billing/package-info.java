/**
 * Subscriptions: starting a checkout with the payment provider (port {@link
 * dev.scrumpoker.application.billing.PaymentGateway}), and applying its signed events (port {@link
 * dev.scrumpoker.application.billing.PaymentEvents}) to a user's tier, each at most once.
 */
package dev.scrumpoker.application.billing;
