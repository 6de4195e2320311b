/** Redis adapters through Redisson: the client, and later the room-state cache and event fan-out. */
package dev.scrumpoker.infrastructure.redis;
