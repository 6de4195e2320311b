/**
 * Redis adapters through Redisson: the client, node membership (leases renewed on a heartbeat, the live nodes as
 * this node sees them), and the channel between nodes (one pub/sub inbox per node). Redis holds no room state: a
 * room's owner keeps it in memory and PostgreSQL keeps what is durable.
 */
package dev.scrumpoker.infrastructure.redis;
