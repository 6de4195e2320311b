/** Use cases and transactions: accounts, rooms, and playing rooms live with one order of events per room. */
package dev.scrumpoker.application;
