package dev.dealeval.application.port;

import java.util.List;
import java.util.Optional;

/**
 * Port: user-defined definitions (profiles, scenarios) in the shared database. Versions start at 1
 * and grow by one per write; writes are conditional on the version the writer read.
 *
 * @param <T> the domain record; its id and version are read through the functions given to the service
 */
public interface VersionedStore<T> {

    Optional<T> find(String id);

    /** Stores a new definition at version 1; false when the id is taken. */
    boolean create(T value);

    /**
     * Replaces the definition if it is still at {@code expectedVersion}; returns it at expected + 1.
     *
     * @throws VersionConflictException when another write got there first
     */
    T update(T value, long expectedVersion);

    /** @throws VersionConflictException when the stored version is not the expected one */
    void delete(String id, long expectedVersion);

    /** Definitions in id order. */
    List<T> list(int offset, int limit);

    long count();
}
