/** Schema migrations with Flyway, applied at start-up. */
package dev.scrumpoker.infrastructure.migration;
