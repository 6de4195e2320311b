package dev.scrumpoker.interfaces.representation;

import dev.scrumpoker.domain.backlog.Story;
import dev.scrumpoker.domain.backlog.StoryDraft;
import dev.scrumpoker.domain.shared.DomainException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Backlogs as the CSV that Jira exports and its CSV importer takes back (RFC 4180: commas, double quotes, CRLF; a
 * field in quotes may hold line breaks; cells written by {@link CsvCells}). Reading finds its columns by their header, in any order: {@code Issue key},
 * {@code Summary} (required), {@code Story Points} (or Jira Cloud's {@code Story point estimate}, also as
 * {@code Custom field (…)}), {@code Description}; other columns are ignored.
 */
public final class JiraCsv {

    public static final String HEADER = "Issue key,Summary,Story Points,Description\r\n";
    public static final int MAX_ROWS = 1000;
    private static final int MAX_REPORTED = 10;
    private static final Pattern POINTS = Pattern.compile("\\d{1,4}(\\.\\d{1,2})?");
    private static final Map<String, String> COLUMNS = Map.of(
            "issue key", "key", "key", "key",
            "summary", "title", "title", "title",
            "story points", "points", "story point estimate", "points",
            "description", "description");

    private JiraCsv() {
    }

    /**
     * The stories of a file, in order; a file with any bad line is refused whole, with up to ten of its problems, each
     * naming the line where its row starts.
     */
    public static List<StoryDraft> read(String text) {
        List<Row> rows = rows(text.startsWith("\uFEFF") ? text.substring(1) : text);
        for (Row row : rows) {
            // What a browser makes of bytes that are not UTF-8 (Excel's "CSV" on Windows saves the machine's code page).
            if (row.cells().stream().anyMatch(cell -> cell.indexOf('\uFFFD') >= 0)) {
                throw DomainException.invalid("line " + row.line() + ": the file is not UTF-8 text; save it as"
                        + " \"CSV UTF-8\" and import it again");
            }
        }
        if (rows.isEmpty()) {
            throw DomainException.invalid("the file is empty; it needs a header line with a Summary column");
        }
        Map<String, Integer> columns = columns(rows.get(0).cells());
        if (!columns.containsKey("title")) {
            throw DomainException.invalid("line 1: no Summary column (the header has " + rows.get(0).cells() + ")");
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw DomainException.invalid("at most " + MAX_ROWS + " stories per file");
        }
        List<StoryDraft> drafts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            if (row.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            try {
                drafts.add(draft(row, columns));
            } catch (DomainException bad) {
                problems.add("line " + row.line() + ": " + bad.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            int more = problems.size() - MAX_REPORTED;
            throw DomainException.invalid(String.join("; ", problems.subList(0, Math.min(problems.size(), MAX_REPORTED)))
                    + (more > 0 ? "; and " + more + " more" : ""));
        }
        if (drafts.isEmpty()) {
            throw DomainException.invalid("the file has a header but no story");
        }
        return drafts;
    }

    /** One line of the export: the story's key, title, agreed estimate and description. */
    public static String line(Story story) {
        return String.join(",", CsvCells.cell(story.key()), CsvCells.cell(story.title()),
                CsvCells.cell(story.estimate()), CsvCells.cell(story.description())) + "\r\n";
    }

    private static StoryDraft draft(Row row, Map<String, Integer> columns) {
        String points = value(row, columns, "points");
        if (points != null && !points.isBlank() && !POINTS.matcher(points.strip()).matches()) {
            throw DomainException.invalid("Story Points must be a number from 0 to 9999, not \"" + points.strip() + "\"");
        }
        return new StoryDraft(value(row, columns, "key"), value(row, columns, "title"), null,
                value(row, columns, "description"), points);
    }

    private static String value(Row row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= row.cells().size()) {
            return null;
        }
        // Our own export's guard against formulas comes off again.
        return CsvCells.unguarded(row.cells().get(index));
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.startsWith("custom field (") && name.endsWith(")")) {
                name = name.substring("custom field (".length(), name.length() - 1);
            }
            String column = COLUMNS.get(name);
            if (column != null) {
                columns.putIfAbsent(column, i);
            }
        }
        return columns;
    }

    /** A record of the file and the line it starts on. */
    private record Row(int line, List<String> cells) {
    }

    private static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean rowStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                rowStarted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                rowStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (rowStarted || cell.length() > 0) {
                    cells.add(cell.toString());
                    rows.add(new Row(rowLine, List.copyOf(cells)));
                }
                cells.clear();
                cell.setLength(0);
                rowStarted = false;
                line++;
                rowLine = line;
            } else {
                cell.append(c);
                rowStarted = true;
            }
        }
        if (quoted) {
            throw DomainException.invalid("line " + rowLine + ": a quoted field is never closed");
        }
        if (rowStarted || cell.length() > 0) {
            cells.add(cell.toString());
            rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        return rows;
    }
}
