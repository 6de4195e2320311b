package dev.scrumpoker.interfaces.websocket;

import dev.scrumpoker.application.Attendee;
import dev.scrumpoker.application.RoomBroadcaster;
import dev.scrumpoker.application.SequencedEvent;
import dev.scrumpoker.domain.room.RoomSnapshot;
import dev.scrumpoker.interfaces.representation.PublicUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;

/**
 * Sends room events to connections. Each event is encoded once for all recipients (and once more for the sender
 * when its copy echoes a requestId), then queued on each connection without waiting for any of them.
 */
@ApplicationScoped
public class WebSocketBroadcaster implements RoomBroadcaster {

    @Inject
    RoomMetrics metrics;
    @Inject
    PublicUrl publicUrl;
    @Inject
    Clock clock;

    @Override
    public void broadcast(SequencedEvent event, Collection<? extends Attendee> recipients, Attendee origin,
                          String requestId) {
        long started = System.nanoTime();
        String forAll = FrameEncoder.event(event, null);
        String forOrigin = requestId == null ? forAll : FrameEncoder.event(event, requestId);
        for (Attendee recipient : recipients) {
            ((ClientConnection) recipient).sendEvent(event.seq(), recipient == origin ? forOrigin : forAll);
        }
        metrics.broadcastDone(System.nanoTime() - started);
        metrics.messagesOut(FrameEncoder.typeOf(event.event()), recipients.size());
    }

    @Override
    public void sendState(Attendee to, RoomSnapshot snapshot, long seq, String requestId) {
        ((ClientConnection) to).sendState(seq, FrameEncoder.state(snapshot, seq, publicUrl.base(), requestId, clock.millis()));
        metrics.messagesOut("room.state.v1", 1);
    }
}
