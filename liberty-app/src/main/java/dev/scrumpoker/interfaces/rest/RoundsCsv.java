package dev.scrumpoker.interfaces.rest;

import dev.scrumpoker.domain.round.RoundRecord;
import dev.scrumpoker.domain.vote.RevealedVote;
import dev.scrumpoker.interfaces.representation.CsvCells;
import java.io.IOException;
import java.io.Writer;

/**
 * Round history as CSV (RFC 4180: CRLF line ends, fields quoted when needed). Cells that a spreadsheet would run
 * as a formula (starting with =, +, -, @, tab or CR) are prefixed with an apostrophe.
 */
final class RoundsCsv {

    static final String HEADER = "round,storyTitle,revealedAt,participantId,displayName,cardValue\r\n";

    private RoundsCsv() {
    }

    static void write(Writer writer, RoundRecord record) throws IOException {
        for (RevealedVote vote : record.votes()) {
            writer.write(String.join(",",
                    Integer.toString(record.round().number()),
                    CsvCells.cell(record.round().storyTitle()),
                    CsvCells.cell(String.valueOf(record.round().revealedAt())),
                    CsvCells.cell(vote.participantId().toString()),
                    CsvCells.cell(vote.displayName()),
                    CsvCells.cell(vote.cardValue())));
            writer.write("\r\n");
        }
    }
}
