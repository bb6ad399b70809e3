package dev.dealeval.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.application.error.DatabaseErrors;
import java.sql.DriverManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;

/**
 * The real PostgreSQL driver, refused at start-up by {@link FakePostgres}, raises the server's own
 * SQLSTATE, and {@link DatabaseErrors#unavailable} calls it "try again later": what a service sees
 * while PostgreSQL recovers after a crash or has no connection slot left.
 */
class PostgresRefusalTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"57P03 | the database system is starting up", "53300 | sorry, too many clients already"})
    void theDriverRaisesTheServersStateAndItIsUnavailable(String state, String message) throws Exception {
        try (FakePostgres server = new FakePostgres(state, message)) {
            PSQLException e = assertThrows(
                    PSQLException.class,
                    () -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "")
                            .close());
            assertEquals(state, e.getSQLState());
            assertEquals(message, e.getServerErrorMessage().getMessage());
            assertTrue(DatabaseErrors.unavailable(e), e.toString());
            assertEquals(1, server.refused());
        }
    }
}
