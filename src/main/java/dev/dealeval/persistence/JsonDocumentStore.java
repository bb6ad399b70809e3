package dev.dealeval.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.application.error.StorageException;
import dev.dealeval.application.error.VersionConflictException;
import dev.dealeval.application.port.VersionedStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Definitions as JSON documents in a table (id, version, name, document, created_at, updated_at). Every
 * update and delete is conditional on the version the writer read, so two writers holding the same
 * ETag cannot both succeed. Runs inside the caller's transaction. The stored version starts at 0; the
 * API's version is one more.
 */
abstract class JsonDocumentStore<T> implements VersionedStore<T> {
    private final Sql sql;
    private final ObjectMapper json;
    private final Class<T> type;
    private final String kind;
    private final Function<T, String> idOf;
    private final Function<T, String> nameOf;
    private final Identity<T> identity;
    private final String select;
    private final String insert;
    private final String update;
    private final String delete;
    private final String version;
    private final String page;
    private final String count;

    /** The stored document as the domain record, with the row's id and API version. */
    @FunctionalInterface
    interface Identity<T> {
        T of(T document, String id, long version);
    }

    /**
     * @param table    the table of the definitions
     * @param kind     what they are, in messages ("profile")
     * @param id       a definition's id
     * @param name     its name, kept in its own column
     * @param identity the document read back as the domain record with the row's id and API version
     */
    JsonDocumentStore(
            Sql sql,
            ObjectMapper json,
            String table,
            String kind,
            Class<T> type,
            Function<T, String> id,
            Function<T, String> name,
            Identity<T> identity) {
        this.sql = sql;
        this.json = json;
        this.type = type;
        this.kind = kind;
        this.idOf = id;
        this.nameOf = name;
        this.identity = identity;
        this.select = "SELECT id, version, document FROM " + table + " WHERE id = ?";
        this.insert = "INSERT INTO " + table
                + " (id, version, name, document, created_at, updated_at) VALUES (?, 0, ?, ?, ?, ?)";
        this.update = "UPDATE " + table
                + " SET version = version + 1, name = ?, document = ?, updated_at = ? WHERE id = ? AND version = ?";
        this.delete = "DELETE FROM " + table + " WHERE id = ? AND version = ?";
        this.version = "SELECT version FROM " + table + " WHERE id = ?";
        this.page = "SELECT id, version, document FROM " + table + " ORDER BY id LIMIT ? OFFSET ?";
        this.count = "SELECT COUNT(*) FROM " + table;
    }

    @Override
    public Optional<T> find(String id) {
        return sql.one(select, this::row, id);
    }

    @Override
    public boolean create(T value) {
        if (sql.one(version, rs -> rs.getLong(1), idOf.apply(value)).isPresent()) {
            return false;
        }
        Instant now = Instant.now();
        try {
            sql.update(insert, idOf.apply(value), nameOf.apply(value), write(value), now, now);
            return true;
        } catch (StorageException e) {
            if (Sql.duplicateKey(e)) {
                return false; // created concurrently since the check above
            }
            throw e;
        }
    }

    @Override
    public T update(T value, long expectedVersion) {
        String document = write(value);
        if (sql.update(update, nameOf.apply(value), document, Instant.now(), idOf.apply(value), expectedVersion - 1)
                == 0) {
            throw conflict(idOf.apply(value), expectedVersion);
        }
        return read(idOf.apply(value), document, expectedVersion + 1);
    }

    @Override
    public void delete(String id, long expectedVersion) {
        if (sql.update(delete, id, expectedVersion - 1) == 0) {
            throw conflict(id, expectedVersion);
        }
    }

    @Override
    public List<T> list(int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return sql.list(page, this::row, limit, offset);
    }

    @Override
    public long count() {
        return sql.count(count);
    }

    /** No row at the expected version: report the version there is (none when the row is gone). */
    private VersionConflictException conflict(String id, long expectedVersion) {
        Long current = sql.one(version, rs -> rs.getLong(1) + 1, id).orElse(null);
        return new VersionConflictException(kind, id, expectedVersion, current);
    }

    private T row(ResultSet rs) throws SQLException {
        return read(rs.getString("id"), rs.getString("document"), rs.getLong("version") + 1);
    }

    private String write(T value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + kind + " " + idOf.apply(value), e);
        }
    }

    /** Brings a document stored by an earlier version of the service up to the current shape. */
    com.fasterxml.jackson.databind.JsonNode upgrade(com.fasterxml.jackson.databind.JsonNode document) {
        return document;
    }

    private T read(String id, String document, long apiVersion) {
        try {
            return identity.of(json.treeToValue(upgrade(json.readTree(document)), type), id, apiVersion);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored " + kind + " " + id + " cannot be read", ex);
        }
    }
}
