/** PostgreSQL adapters for the domain repositories, through JPA (EclipseLink); hot writes are single native upserts. */
package dev.scrumpoker.infrastructure.postgresql;
