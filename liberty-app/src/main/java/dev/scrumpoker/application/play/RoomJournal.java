package dev.scrumpoker.application.play;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes rooms' changes durable in batches: everything appended while a commit is under way goes into the next one, in
 * one transaction for all rooms. Each entry is written only if its room is still held at the entry's epoch and its
 * last saved {@code seq} is the entry's {@code fromSeq}; the room's saved {@code seq} then becomes {@code toSeq}.
 * Entries of one room complete in the order they were appended.
 */
public interface RoomJournal {

    void append(Entry entry);

    /**
     * One step of a room: its writes (maybe none: a step that only answers must still wait for the steps before it)
     * and where its {@code seq} goes. {@code done} is told the outcome on the journal's thread: it must not block.
     */
    record Entry(String roomId, long epoch, long fromSeq, long toSeq, List<RoomWrite> writes,
                 Consumer<Outcome> done) {
        public Entry {
            Objects.requireNonNull(roomId, "roomId is required");
            Objects.requireNonNull(done, "done is required");
            writes = List.copyOf(writes);
            if (toSeq < fromSeq) {
                throw new IllegalArgumentException("seq goes forward: " + fromSeq + " -> " + toSeq);
            }
        }

        /** Whether the entry changes the database at all (a step without events only waits its turn). */
        public boolean changesRoom() {
            return toSeq > fromSeq;
        }
    }

    enum Outcome {
        /** Durable. */
        COMMITTED,
        /** Another node took the room (a newer epoch), or an earlier entry of the room is missing: nothing written. */
        FENCED,
        /** The database failed; nothing of this entry (nor of later entries at the same epoch) was written. */
        FAILED
    }
}
