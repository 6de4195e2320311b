package dev.scrumpoker.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrumpoker.domain.shared.Reason;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputFaultsTest {

    @ParameterizedTest(name = "SQLSTATE {0} is the input''s fault: {1}")
    @CsvSource({
            "22021, VALIDATION_FAILED", // invalid byte sequence (a NUL character)
            "22001, VALIDATION_FAILED", // string too long for its column
            "22008, VALIDATION_FAILED", // a time out of range
            "23514, VALIDATION_FAILED", // a check constraint
            "23505, CONFLICT",          // a unique key two requests raced for
            "54000, VALIDATION_FAILED", // a value too big to index
    })
    void inputFaultsAreRefusals(String sqlState, Reason reason) {
        PersistenceException failure = new PersistenceException("wrapped", new RuntimeException(
                new SQLException("from the driver", sqlState)));

        assertEquals(reason, InputFaults.of(failure).orElseThrow().reason());
    }

    @ParameterizedTest(name = "SQLSTATE {0} is the database's fault")
    @ValueSource(strings = {"08006", "08001", "53300", "57P01", "40001", "XX000"})
    void outagesAreNot(String sqlState) {
        PersistenceException failure = new PersistenceException("wrapped", new SQLException("down", sqlState));

        assertTrue(InputFaults.of(failure).isEmpty());
    }

    @Test
    void aFailureWithoutAnSqlStateIsNotTheInputs() {
        assertTrue(InputFaults.of(new PersistenceException("no cause")).isEmpty());
        assertTrue(InputFaults.of(new PersistenceException(new SQLException("no state"))).isEmpty());
    }
}
