package dev.scrumpoker.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only looks into PostgreSQL, for what the API does not show: how many times something was applied, which
 * partitions exist. The same database and local credentials the server uses (scripts/services.sh).
 */
final class Database {

    private static final String URL = "jdbc:postgresql://127.0.0.1:" + System.getProperty("db.port", "5432") + "/"
            + System.getProperty("db.name", "scrumpoker");

    private Database() {
    }

    /** The first column of every row, as text. */
    static List<String> column(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(URL, System.getProperty("db.user", "scrumpoker"),
                System.getProperty("db.password", "scrumpoker"));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query PostgreSQL: " + sql, e);
        }
    }

    static long count(String sql, Object... parameters) {
        return Long.parseLong(column(sql, parameters).get(0));
    }
}
