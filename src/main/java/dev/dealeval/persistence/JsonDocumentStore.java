package dev.dealeval.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.application.VersionConflictException;
import dev.dealeval.application.VersionedStore;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Definitions as JSON documents in a table of {@link DocumentEntity}. Every update and delete is
 * checked against the JPA version, so two writers holding the same ETag cannot both succeed.
 * Runs inside the caller's transaction.
 */
abstract class JsonDocumentStore<E extends DocumentEntity, T> implements VersionedStore<T> {
    private final PanacheRepositoryBase<E, String> repository;
    private final ObjectMapper json;
    private final Supplier<E> newEntity;
    private final Class<T> type;
    private final String kind;

    JsonDocumentStore(PanacheRepositoryBase<E, String> repository, ObjectMapper json, Supplier<E> newEntity, Class<T> type, String kind) {
        this.repository = repository;
        this.json = json;
        this.newEntity = newEntity;
        this.type = type;
        this.kind = kind;
    }

    abstract String id(T value);

    abstract String name(T value);

    /** The stored document as the domain record, with the row's id and API version. */
    abstract T withIdentity(T document, String id, long version);

    @Override
    public Optional<T> find(String id) {
        return repository.findByIdOptional(id).map(this::toDomain);
    }

    @Override
    public boolean create(T value) {
        if (repository.findById(id(value)) != null) {
            return false;
        }
        E e = newEntity.get();
        e.id = id(value);
        e.name = name(value);
        e.document = write(value);
        e.createdAt = Instant.now();
        e.updatedAt = e.createdAt;
        repository.persist(e);
        repository.flush();
        return true;
    }

    @Override
    public T update(T value, long expectedVersion) {
        E e = current(id(value), expectedVersion);
        e.name = name(value);
        e.document = write(value);
        e.updatedAt = Instant.now();
        flush(id(value), expectedVersion);
        return toDomain(e);
    }

    @Override
    public void delete(String id, long expectedVersion) {
        repository.delete(current(id, expectedVersion));
        flush(id, expectedVersion);
    }

    @Override
    public List<T> list(int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return repository.findAll(Sort.by("id")).range(offset, offset + limit - 1).list().stream().map(this::toDomain).toList();
    }

    @Override
    public long count() {
        return repository.count();
    }

    private E current(String id, long expectedVersion) {
        E e = repository.findById(id, LockModeType.OPTIMISTIC);
        if (e == null || e.version + 1 != expectedVersion) {
            throw new VersionConflictException(kind, id, expectedVersion, e == null ? null : e.version + 1);
        }
        return e;
    }

    /** The version check happens here: an UPDATE/DELETE that matches no row at the read version fails. */
    private void flush(String id, long expectedVersion) {
        try {
            repository.flush();
        } catch (OptimisticLockException lost) {
            throw new VersionConflictException(kind, id, expectedVersion, null);
        }
    }

    private String write(T value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + kind + " " + id(value), e);
        }
    }

    /** Brings a document stored by an earlier version of the service up to the current shape. */
    com.fasterxml.jackson.databind.JsonNode upgrade(com.fasterxml.jackson.databind.JsonNode document) {
        return document;
    }

    private T toDomain(E e) {
        try {
            return withIdentity(json.treeToValue(upgrade(json.readTree(e.document)), type), e.id, e.version + 1);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored " + kind + " " + e.id + " cannot be read", ex);
        }
    }
}
