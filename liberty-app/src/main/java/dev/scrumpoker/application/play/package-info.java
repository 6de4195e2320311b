/**
 * Rooms being played. Each room has one owner node at a time (recorded with a fencing epoch in PostgreSQL); on it a
 * {@link dev.scrumpoker.application.play.RoomActor} runs the room's work one task at a time in a mailbox, the
 * {@link dev.scrumpoker.application.play.RoomOwner} decides and numbers commands in memory, and the journal makes
 * each step durable before its events, states and answers go out. Other nodes pass their connections' commands to
 * the owner and deliver what it sends back. Ports to the outside: {@link dev.scrumpoker.application.play.RoomJournal},
 * {@link dev.scrumpoker.application.play.RoomRecords}, {@link dev.scrumpoker.application.play.NodeLink},
 * {@link dev.scrumpoker.application.play.ClusterView}, {@link dev.scrumpoker.application.play.RoomFrames}.
 */
package dev.scrumpoker.application.play;
