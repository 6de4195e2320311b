/** MicroProfile Health checks: liveness of the JVM, readiness of PostgreSQL, the schema and Redis. */
package dev.scrumpoker.interfaces.health;
