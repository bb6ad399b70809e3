package dev.dealeval.application.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Which database failures are "try again later" (a 503) and which are not, on the exceptions the
 * PostgreSQL and H2 drivers themselves build.
 */
class DatabaseErrorsTest {
    /** A PSQLException as the driver builds it from a server's ErrorResponse. */
    private static PSQLException postgres(String state) {
        return new PSQLException(
                new ServerErrorMessage("SFATAL\0VFATAL\0C" + state + "\0Mrefused with " + state + "\0"));
    }

    /** An H2 exception as H2 builds it for its error code. */
    private static SQLException h2(int code) {
        return DbException.get(code, "x").getSQLException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "08000", "08001", "08003", "08006", "08P01", // connection exceptions
                "57P01", "57P02", "57P03", "57P04",
                        "57P05", // shutting down, crashed, starting up, dropped, idle timeout
                "53000", "53100", "53200", "53300", "53400", // insufficient resources
                "25006"
            }) // read-only: a standby
    void postgresStatesThatPassAreUnavailable(String state) {
        PSQLException e = postgres(state);
        assertEquals(state, e.getSQLState());
        assertTrue(DatabaseErrors.unavailable(e), state);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "22021", "42P01", "40001", "40P01", "23503", "42601", "57014"})
    void postgresStatesOfTheRequestOrAConflictAreNot(String state) {
        assertFalse(DatabaseErrors.unavailable(postgres(state)), state);
        assertFalse(DatabaseErrors.unavailable(new SQLException("plain", state)), state);
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                ErrorCode.DATABASE_IS_IN_EXCLUSIVE_MODE,
                ErrorCode.DATABASE_IS_READ_ONLY,
                ErrorCode.OUT_OF_MEMORY,
                ErrorCode.CONNECTION_BROKEN_1
            })
    void h2StatesThatPassAreUnavailable(int code) {
        SQLException e = h2(code);
        assertEquals(String.valueOf(code), e.getSQLState());
        assertTrue(DatabaseErrors.unavailable(e), e.getMessage());
        // By its state alone too, whatever class of exception carries it.
        assertTrue(DatabaseErrors.unavailable(new SQLException("re-thrown", e.getSQLState())), e.getSQLState());
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                ErrorCode.DUPLICATE_KEY_1,
                ErrorCode.DEADLOCK_1,
                ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1,
                ErrorCode.LOCK_TIMEOUT_1
            })
    void h2StatesOfTheRequestOrAConflictAreNot(int code) {
        SQLException e = h2(code);
        assertFalse(DatabaseErrors.unavailable(e), e.getMessage());
    }

    @Test
    void anywhereInTheCauseChain() {
        PSQLException startingUp = postgres("57P03");
        assertTrue(
                DatabaseErrors.unavailable(new StorageException("save", new RuntimeException("wrapped", startingUp))));
        assertFalse(DatabaseErrors.unavailable(
                new StorageException("save", new RuntimeException("wrapped", postgres("23505")))));
    }

    @Test
    void anywhereInTheChainOfNextExceptions() {
        // PostgreSQL's driver reports a failed batch as a BatchUpdateException whose next exception says why.
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0], null);
        batch.setNextException(postgres("53100"));
        assertTrue(DatabaseErrors.unavailable(new StorageException("save", batch)));

        BatchUpdateException duplicate =
                new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0], null);
        duplicate.setNextException(postgres("23505"));
        assertFalse(DatabaseErrors.unavailable(duplicate));
    }

    @Test
    void connectionExceptionsByClassAndAgroalsTimeoutByItsMessage() {
        assertTrue(DatabaseErrors.unavailable(new SQLTransientConnectionException("refused")));
        assertTrue(DatabaseErrors.unavailable(
                h2(ErrorCode.DATABASE_IS_CLOSED))); // H2 raises it as SQLNonTransientConnectionException
        // Agroal's two timeouts: no new connection in time, and a full pool whose connections all stayed busy.
        assertTrue(
                DatabaseErrors.unavailable(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(DatabaseErrors.unavailable(new SQLException("Sorry, acquisition timeout!")));
        assertFalse(DatabaseErrors.unavailable(new IllegalArgumentException("no field named Acquisition timeout")));
    }

    @Test
    void nothingAndLoopsAreNot() {
        assertFalse(DatabaseErrors.unavailable(null));
        assertFalse(DatabaseErrors.unavailable(new IllegalStateException("bug")));
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        SQLException first = new SQLException("first", "23505");
        SQLException second = new SQLException("second", "23505");
        first.setNextException(second);
        second.setNextException(first);
        // A chain that loops back must end the walk, not spin forever: fail rather than hang the build.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertFalse(DatabaseErrors.unavailable(a));
            assertFalse(DatabaseErrors.unavailable(first));
        });
    }
}
