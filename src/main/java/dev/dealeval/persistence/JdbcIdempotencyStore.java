package dev.dealeval.persistence;

import dev.dealeval.application.error.StorageException;
import dev.dealeval.application.port.IdempotencyStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** Idempotency keys in the {@code idempotency_key} table, written in the transaction of what they created. */
@Singleton
public class JdbcIdempotencyStore implements IdempotencyStore {
    private final Sql sql;

    public JdbcIdempotencyStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void reserve(String scope, String key, String requestHash) {
        if (find(scope, key).isPresent()) {
            throw new KeyTakenException(null);
        }
        try {
            // Inserted now: a concurrent request with the same key blocks on this row until we commit, then fails.
            sql.update(
                    "INSERT INTO idempotency_key (scope, idem_key, request_hash, status, created_at) VALUES (?, ?, ?, 0, ?)",
                    scope,
                    key,
                    requestHash,
                    Instant.now());
        } catch (StorageException e) {
            if (Sql.duplicateKey(e)) {
                throw new KeyTakenException(e);
            }
            throw e;
        }
    }

    @Override
    public void complete(String scope, String key, Outcome outcome) {
        sql.update(
                "UPDATE idempotency_key SET status = ?, location = ?, etag = ?, body = ? WHERE scope = ? AND idem_key = ?",
                outcome.status(),
                outcome.location(),
                outcome.etag(),
                outcome.body(),
                scope,
                key);
    }

    @Override
    public Optional<Recorded> find(String scope, String key) {
        return sql.one(
                "SELECT request_hash, status, location, etag, body FROM idempotency_key WHERE scope = ? AND idem_key = ?",
                rs -> new Recorded(
                        rs.getString("request_hash"),
                        new Outcome(
                                rs.getInt("status"),
                                rs.getString("location"),
                                rs.getString("etag"),
                                rs.getString("body"))),
                scope,
                key);
    }
}
