/**
 * Redis adapters through Redisson: the client, the shared room state with its per-room lock and {@code seq}, the
 * one topic that carries room events to every node, and the node leases that tell live nodes from dead ones.
 */
package dev.scrumpoker.infrastructure.redis;
