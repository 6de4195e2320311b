/**
 * How often a client may do what costs the service: the limits (sign-ins per client address, failed logins per
 * account, checkouts per account), the port that counts them across nodes, and the refusal a caller gets.
 */
package dev.scrumpoker.application.limits;
