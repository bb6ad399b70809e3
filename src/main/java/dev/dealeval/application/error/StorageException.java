package dev.dealeval.application.error;

/**
 * The database refused or failed a statement. The cause is the driver's {@link java.sql.SQLException};
 * {@link DatabaseErrors#unavailable} tells a database that cannot be reached (a 503) from anything else.
 */
public final class StorageException extends ServiceException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
