/** Accounts: guests and registered users, their credentials and their subscription tier. */
package dev.scrumpoker.domain.account;
