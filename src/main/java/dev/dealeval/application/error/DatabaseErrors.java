package dev.dealeval.application.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a database that refuses work for now (a 503 with Retry-After: unreachable, starting up,
 * shutting down, out of resources, read-only) from a request the database refused (a 4xx or a 500).
 */
public final class DatabaseErrors {
    /**
     * SQLSTATE classes (the first two characters) in which every state means "not now".
     * <ul>
     * <li>08 connection exception: the connection was refused, lost or never established; the
     * database or the network comes back, and the pool opens a new connection.</li>
     * <li>53 insufficient resources: 53000, 53100 disk full, 53200 out of memory, 53300 too many
     * connections, 53400 configuration limit exceeded. Disk, memory and connection slots are shared
     * with other sessions and free up as they finish (or as an operator adds disk); the service's
     * requests are small, so running short is the server's state, not something the request did wrong.</li>
     * </ul>
     */
    private static final Set<String> CLASSES = Set.of("08", "53");

    /**
     * Single states, by the names PostgreSQL (57Pxx), the SQL standard (25006) and H2 (90xxx, whose
     * SQLSTATE is its error code) give them. Each one passes without anything changing in the request.
     * <ul>
     * <li>57P01 admin_shutdown: the server is being stopped or restarted (a deploy, a failover);
     * the restarted or promoted server accepts connections again.</li>
     * <li>57P02 crash_shutdown: another server process crashed and PostgreSQL resets every session
     * while it recovers by itself.</li>
     * <li>57P03 cannot_connect_now: "the database system is starting up" (or in crash recovery,
     * or shutting down): it accepts connections once recovery ends.</li>
     * <li>57P04 database_dropped: the database was dropped under the service, which happens while it
     * is restored from a backup; nothing a client can fix, and over when it is recreated.</li>
     * <li>57P05 idle_session_timeout: the server closed a session left idle; a new connection works.</li>
     * <li>25006 read_only_sql_transaction: the database is a standby or set read-only (during a
     * failover or maintenance); writes work again once a primary takes them.</li>
     * <li>90067 H2 CONNECTION_BROKEN: the connection to an H2 server was lost, as class 08.</li>
     * <li>90097 H2 DATABASE_IS_READ_ONLY: as 25006.</li>
     * <li>90108 H2 OUT_OF_MEMORY: as 53200.</li>
     * <li>90135 H2 DATABASE_IS_IN_EXCLUSIVE_MODE: another session holds the database alone (for
     * maintenance) for a while.</li>
     * </ul>
     * Not here, on purpose: 40001 serialization failure and 40P01 deadlock (and H2's 40001 deadlock)
     * are a conflict with one other transaction, retried by whoever ran it, not an unavailable
     * database; integrity, data and syntax states (23, 22, 42) are a request or a bug.
     */
    private static final Set<String> STATES =
            Set.of("57P01", "57P02", "57P03", "57P04", "57P05", "25006", "90067", "90097", "90108", "90135");

    private DatabaseErrors() {}

    /**
     * Whether anything in the cause chain, or in an {@link SQLException#getNextException() SQLException's
     * chain of next exceptions} (where PostgreSQL's driver puts why a batch failed), says the database
     * refuses work for now: one of the states above, a connection exception by its class (H2 raises its
     * broken, closed and exclusive-mode database so), or Agroal's acquisition timeout, which carries no state:
     * "Acquisition timeout while waiting for new connection" when no connection could be opened in time,
     * "Sorry, acquisition timeout!" when every connection of a full pool stayed busy. Only an SQLException's
     * message counts: other messages may quote what a client sent.
     */
    public static boolean unavailable(Throwable e) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (e != null) {
            pending.push(e);
        }
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue; // a chain that loops back on itself
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null
                        && (STATES.contains(state)
                                || (state.length() >= 2 && CLASSES.contains(state.substring(0, 2))))) {
                    return true;
                }
                if (sql.getMessage() != null
                        && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
                if (sql.getNextException() != null) {
                    pending.push(sql.getNextException());
                }
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
        }
        return false;
    }
}
