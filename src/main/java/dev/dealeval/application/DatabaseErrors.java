package dev.dealeval.application;

/** Tells a database that cannot be reached from a request the database refused. */
public final class DatabaseErrors {
    private DatabaseErrors() {
    }

    /** Whether anything in the cause chain says the database cannot be reached (connection refused, lost or timed out). */
    public static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                    || (t.getMessage() != null && t.getMessage().contains("Acquisition timeout"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
