package dev.dealeval.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.application.ProfileStore;
import dev.dealeval.application.VersionConflictException;
import dev.dealeval.domain.model.Profile;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Profiles as JSON documents in the {@code profile} table. The entity's JPA version is the API
 * version minus one (JPA starts at 0, the API at 1); every update is checked against it, so two
 * writers holding the same ETag cannot both succeed.
 */
@ApplicationScoped
public class JpaProfileStore implements ProfileStore {
    private final ProfileRepository repository;
    private final ObjectMapper json;

    public JpaProfileStore(ProfileRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Override
    public Optional<Profile> find(String id) {
        return repository.findByIdOptional(id).map(this::toDomain);
    }

    @Override
    public boolean create(Profile profile) {
        if (repository.findById(profile.id()) != null) {
            return false;
        }
        ProfileEntity e = new ProfileEntity();
        e.id = profile.id();
        e.name = profile.name();
        e.document = write(profile);
        e.createdAt = Instant.now();
        e.updatedAt = e.createdAt;
        repository.persist(e);
        repository.flush();
        return true;
    }

    @Override
    public Profile update(Profile profile, long expectedVersion) {
        ProfileEntity e = repository.findById(profile.id(), LockModeType.OPTIMISTIC);
        if (e == null || e.version + 1 != expectedVersion) {
            throw new VersionConflictException("profile", profile.id(), expectedVersion, e == null ? null : e.version + 1);
        }
        e.name = profile.name();
        e.document = write(profile);
        e.updatedAt = Instant.now();
        try {
            repository.flush();
        } catch (OptimisticLockException lost) {
            throw new VersionConflictException("profile", profile.id(), expectedVersion, null);
        }
        return toDomain(e);
    }

    @Override
    public void delete(String id, long expectedVersion) {
        ProfileEntity e = repository.findById(id, LockModeType.OPTIMISTIC);
        if (e == null || e.version + 1 != expectedVersion) {
            throw new VersionConflictException("profile", id, expectedVersion, e == null ? null : e.version + 1);
        }
        repository.delete(e);
        try {
            repository.flush();
        } catch (OptimisticLockException lost) {
            throw new VersionConflictException("profile", id, expectedVersion, null);
        }
    }

    @Override
    public List<Profile> list(int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return repository.findAll(Sort.by("id")).range(offset, offset + limit - 1).list().stream().map(this::toDomain).toList();
    }

    @Override
    public long count() {
        return repository.count();
    }

    private String write(Profile p) {
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise profile " + p.id(), e);
        }
    }

    private Profile toDomain(ProfileEntity e) {
        try {
            Profile p = json.readValue(e.document, Profile.class);
            return new Profile(e.id, p.name(), p.description(), p.sources(), false, e.version + 1, p.weights(), p.factions(),
                    p.credibility(), p.settings());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored profile " + e.id + " cannot be read", ex);
        }
    }
}
