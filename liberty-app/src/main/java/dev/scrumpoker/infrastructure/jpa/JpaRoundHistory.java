package dev.scrumpoker.infrastructure.jpa;

import dev.scrumpoker.domain.round.Round;
import dev.scrumpoker.domain.round.RoundHistory;
import dev.scrumpoker.domain.round.RoundRecord;
import dev.scrumpoker.domain.vote.RevealedVote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/** The session history in {@code round_history}, partitioned by the month of the reveal. */
@ApplicationScoped
@CircuitBreaker(failOn = PersistenceException.class)
public class JpaRoundHistory implements RoundHistory {

    private static final String ROUND_COLUMNS = "room_id, number, story_title, started_at, revealed_at, "
            + StatisticsColumns.NAMES;

    @PersistenceContext(unitName = "scrumPoker")
    private EntityManager em;

    @Override
    public void add(RoundRecord revealed) {
        Round round = revealed.round();
        var insert = em.createNativeQuery("INSERT INTO round_history (" + ROUND_COLUMNS + ", votes) VALUES (?1, ?2, ?3, ?4, ?5, "
                        + StatisticsColumns.placeholders(6) + ", CAST(?13 AS jsonb))")
                .setParameter(1, round.roomId())
                .setParameter(2, round.number())
                .setParameter(3, round.storyTitle())
                .setParameter(4, SqlValues.timestamp(round.startedAt()))
                .setParameter(5, SqlValues.timestamp(round.revealedAt()))
                .setParameter(13, votesJson(revealed.votes()));
        StatisticsColumns.bind(insert, 6, round.stats());
        insert.executeUpdate();
    }

    @Override
    public List<RoundRecord> newest(String roomId, Position after, int limit) {
        // Ordered by the partition key first, so the scan goes month by month from the newest and stops early.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + ROUND_COLUMNS + ", CAST(votes AS text)"
                        + " FROM round_history WHERE room_id = ?1 AND (revealed_at, number) < (?2, ?3)"
                        + " ORDER BY revealed_at DESC, number DESC LIMIT ?4")
                .setParameter(1, roomId)
                .setParameter(2, SqlValues.timestamp(after == null ? SqlValues.END_OF_TIME : after.revealedAt()))
                .setParameter(3, after == null ? Integer.MAX_VALUE : after.number())
                .setParameter(4, limit)
                .getResultList();
        return rows.stream().map(JpaRoundHistory::record).toList();
    }

    @Override
    public Integer nthNewest(String roomId, int n) {
        // Bounded by the plan's history size (20), on the history index: not pagination.
        @SuppressWarnings("unchecked")
        List<Object> numbers = em.createNativeQuery("SELECT number FROM round_history WHERE room_id = ?1"
                        + " ORDER BY revealed_at DESC, number DESC OFFSET ?2 LIMIT 1")
                .setParameter(1, roomId)
                .setParameter(2, n - 1)
                .getResultList();
        return numbers.isEmpty() ? null : ((Number) numbers.get(0)).intValue();
    }

    private static RoundRecord record(Object[] row) {
        Round round = new Round((String) row[0], ((Number) row[1]).intValue(), (String) row[2],
                SqlValues.instant(row[3]), SqlValues.instant(row[4]), StatisticsColumns.read(row, 5));
        return new RoundRecord(round, votes((String) row[12]));
    }

    private static String votesJson(List<RevealedVote> votes) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (RevealedVote vote : votes) {
            array.add(Json.createObjectBuilder()
                    .add("participantId", vote.participantId().toString())
                    .add("displayName", vote.displayName())
                    .add("cardValue", vote.cardValue()));
        }
        return array.build().toString();
    }

    private static List<RevealedVote> votes(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            return array.getValuesAs(JsonObject.class).stream()
                    .map(vote -> new RevealedVote(UUID.fromString(vote.getString("participantId")),
                            vote.getString("displayName"), vote.getString("cardValue")))
                    .toList();
        }
    }
}
