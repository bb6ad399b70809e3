package dev.dealeval.application;

import dev.dealeval.domain.model.Profile;

import java.util.List;
import java.util.Optional;

/** Port: user-defined profiles in the shared database. Versions start at 1 and grow by 1 per write. */
public interface ProfileStore {

    Optional<Profile> find(String id);

    /** Stores a new profile at version 1; false when the id is taken. */
    boolean create(Profile profile);

    /**
     * Replaces the profile if it is still at {@code expectedVersion}; the new version is expected + 1.
     *
     * @throws VersionConflictException when another write got there first
     */
    Profile update(Profile profile, long expectedVersion);

    /** @throws VersionConflictException when the stored version is not the expected one */
    void delete(String id, long expectedVersion);

    /** Profiles in id order. */
    List<Profile> list(int offset, int limit);

    long count();
}
