/**
 * MicroProfile Health checks: liveness of the JVM, readiness of PostgreSQL, the schema and Redis. They sit with the
 * adapters because what they probe is the adapters' own resources (the data source, the Redisson client).
 */
package dev.scrumpoker.infrastructure.health;
