package dev.dealeval.persistence;

import dev.dealeval.application.IdempotencyStore;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaIdempotencyStore implements IdempotencyStore, PanacheRepositoryBase<IdempotencyEntity, IdempotencyEntity.Key> {

    @Override
    public void reserve(String scope, String key, String requestHash) {
        IdempotencyEntity.Key id = new IdempotencyEntity.Key(scope, key);
        if (findById(id) != null) {
            throw new KeyTakenException(null);
        }
        IdempotencyEntity e = new IdempotencyEntity();
        e.id = id;
        e.requestHash = requestHash;
        e.status = 0;
        e.createdAt = Instant.now();
        try {
            persist(e);
            // Insert now: a concurrent request with the same key blocks on this row until we commit, then fails.
            flush();
        } catch (PersistenceException duplicate) {
            throw new KeyTakenException(duplicate);
        }
    }

    @Override
    public void complete(String scope, String key, Outcome outcome) {
        IdempotencyEntity e = findById(new IdempotencyEntity.Key(scope, key));
        e.status = outcome.status();
        e.location = outcome.location();
        e.etag = outcome.etag();
        e.body = outcome.body();
    }

    @Override
    public Optional<Recorded> find(String scope, String key) {
        return findByIdOptional(new IdempotencyEntity.Key(scope, key))
                .map(e -> new Recorded(e.requestHash, new Outcome(e.status, e.location, e.etag, e.body)));
    }
}
