package dev.scrumpoker.interfaces.rest;

import dev.scrumpoker.application.room.BacklogExport;
import dev.scrumpoker.application.room.Page;
import dev.scrumpoker.application.room.RoomService;
import dev.scrumpoker.domain.audit.AuditEntry;
import dev.scrumpoker.domain.audit.AuditLog;
import dev.scrumpoker.domain.backlog.Story;
import dev.scrumpoker.domain.room.DeckType;
import dev.scrumpoker.domain.room.Privacy;
import dev.scrumpoker.domain.room.Room;
import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.round.RoundRecord;
import dev.scrumpoker.interfaces.representation.JiraCsv;
import dev.scrumpoker.interfaces.representation.PublicUrl;
import dev.scrumpoker.interfaces.representation.QrCodeSvg;
import dev.scrumpoker.interfaces.representation.RoomRepresentation;
import dev.scrumpoker.interfaces.representation.StatsRepresentation;
import dev.scrumpoker.interfaces.representation.VoteRepresentation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rooms and their history. Live play happens on the WebSocket, not here. */
@Path("/rooms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "rooms")
public class RoomResource {

    @Inject
    RoomService rooms;
    @Inject
    Caller caller;
    @Inject
    PublicUrl publicUrl;
    @Context
    UriInfo uriInfo;

    /** {@code deck} defaults to FIBONACCI and {@code privacy} to PUBLIC when left out. */
    public record CreateRoom(String title, String deck, List<String> cards, String privacy) {
    }

    /** {@code storyId}: the backlog story the round estimated, null for a round without one. */
    public record RoundResponse(int number, String storyTitle, Instant startedAt, Instant revealedAt,
                                List<VoteRepresentation> votes, StatsRepresentation stats, UUID storyId) {

        static RoundResponse of(RoundRecord record) {
            Round round = record.round();
            return new RoundResponse(round.number(), round.storyTitle(), round.startedAt(), round.revealedAt(),
                    VoteRepresentation.of(record.votes()), StatsRepresentation.of(round.stats()), round.storyId());
        }
    }

    /** A backlog story with its place (0 is first) and the numbers of the revealed rounds that estimated it. */
    public record StoryResponse(UUID id, int position, String key, String title, String link, String description,
                                String estimate, Instant estimatedAt, List<Integer> rounds) {

        static StoryResponse of(Story story, int position, List<Integer> rounds) {
            return new StoryResponse(story.id(), position, story.key(), story.title(), story.link(),
                    story.description(), story.estimate(), story.estimatedAt(), rounds);
        }
    }

    public record BacklogResponse(List<StoryResponse> items, int total, int estimated) {
    }

    public record PageResponse<T>(List<T> items, String nextCursor) {
    }

    public record AuditEntryResponse(long id, Instant occurredAt, String action, UUID actorId, String roomId,
                                     UUID subjectId, Map<String, String> details) {

        static AuditEntryResponse of(AuditLog.Recorded recorded) {
            AuditEntry entry = recorded.entry();
            return new AuditEntryResponse(recorded.id(), entry.occurredAt(), entry.action().name(), entry.actorId(),
                    entry.roomId(), entry.subjectId(), entry.details());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a room; the free plan allows 3 open rooms")
    public Response create(CreateRoom request) {
        Bodies.require(request);
        Room room = rooms.create(caller.id(), request.title(),
                Bodies.enumValue("deck", request.deck(), DeckType.class, DeckType.FIBONACCI), request.cards(),
                Bodies.enumValue("privacy", request.privacy(), Privacy.class, Privacy.PUBLIC));
        URI location = uriInfo.getBaseUriBuilder().path(RoomResource.class).path(room.id()).build();
        return Response.created(location).entity(represent(room)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A room; 404 when unknown or deleted")
    public RoomRepresentation get(@PathParam("id") String id) {
        return represent(rooms.get(id));
    }

    @GET
    @Operation(summary = "The caller's open rooms, newest first, by cursor")
    public PageResponse<RoomRepresentation> mine(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Page<Room> page = rooms.listOwnedBy(caller.id(), Bodies.integer("limit", limit), cursor);
        return new PageResponse<>(page.items().stream().map(this::represent).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}/qr.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "The room's join link, as the caller may share it, drawn as a QR code")
    public Response joinQrCode(@PathParam("id") String id) {
        return Response.ok(QrCodeSvg.of(represent(rooms.get(id)).joinUrl()))
                .header("Cache-Control", "private, max-age=3600").build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a room (owner only); live connections get room.closed.v1 and close 4404")
    public Response delete(@PathParam("id") String id) {
        rooms.delete(caller.id(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/rounds")
    @Operation(summary = "Revealed rounds with votes and statistics, newest first, by cursor")
    public PageResponse<RoundResponse> rounds(@PathParam("id") String id, @QueryParam("limit") String limit,
                                              @QueryParam("cursor") String cursor) {
        Page<RoundRecord> page = rooms.history(caller.id(), id, Bodies.integer("limit", limit), cursor);
        return new PageResponse<>(page.items().stream().map(RoundResponse::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}/audit")
    @Operation(summary = "The room's audit trail (created, revealed, reset, kicks, host changes), newest first; owner only")
    public PageResponse<AuditEntryResponse> audit(@PathParam("id") String id, @QueryParam("limit") String limit,
                                                  @QueryParam("cursor") String cursor) {
        Page<AuditLog.Recorded> page = rooms.auditTrail(caller.id(), id, Bodies.integer("limit", limit), cursor);
        return new PageResponse<>(page.items().stream().map(AuditEntryResponse::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}/rounds.csv")
    @Produces("text/csv")
    @Operation(summary = "Every vote of every revealed round as CSV (RFC 4180), newest round first")
    public Response roundsCsv(@PathParam("id") String id) {
        UUID callerId = caller.id();
        Page<RoundRecord> first = rooms.history(callerId, id, 100, null);
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writer.write(RoundsCsv.HEADER);
            Page<RoundRecord> page = first;
            while (true) {
                for (RoundRecord record : page.items()) {
                    RoundsCsv.write(writer, record);
                }
                if (page.nextCursor() == null) {
                    break;
                }
                page = rooms.history(callerId, id, 100, page.nextCursor());
            }
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"room-" + id + "-rounds.csv\"").build();
    }

    @GET
    @Path("/{id}/stories")
    @Operation(summary = "The room's backlog in order, with agreed estimates and the rounds that estimated each story")
    public BacklogResponse stories(@PathParam("id") String id) {
        BacklogExport backlog = rooms.backlog(caller.id(), id);
        List<StoryResponse> items = new ArrayList<>(backlog.stories().size());
        for (Story story : backlog.stories()) {
            items.add(StoryResponse.of(story, items.size(), backlog.roundsOf(story.id())));
        }
        int estimated = (int) backlog.stories().stream().filter(Story::isEstimated).count();
        return new BacklogResponse(items, items.size(), estimated);
    }

    @GET
    @Path("/{id}/stories.csv")
    @Produces("text/csv")
    @Operation(summary = "The backlog as CSV for Jira's importer: Issue key, Summary, Story Points, Description")
    public Response storiesCsv(@PathParam("id") String id) {
        BacklogExport backlog = rooms.backlog(caller.id(), id);
        StringBuilder csv = new StringBuilder(JiraCsv.HEADER);
        backlog.stories().forEach(story -> csv.append(JiraCsv.line(story)));
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"room-" + id + "-stories.csv\"").build();
    }

    private RoomRepresentation represent(Room room) {
        return RoomRepresentation.of(room, caller.id(), publicUrl.base());
    }
}
