package dev.dealeval.application.catalog;

import dev.dealeval.application.port.Page;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * What profiles, scenarios and domains have in common as a catalogue: reads through their
 * {@link VersionedCatalog}, and writes that build the complete definition from a draft (checked
 * before anything is written) and store it conditionally on its version. The transaction boundary
 * for those writes.
 *
 * @param <T> the stored definition
 * @param <D> the draft a request describes it with (the same for POST and PUT: PUT replaces, it does not merge)
 */
public abstract class CatalogService<T, D> {
    /** The catalogue; a method rather than a field, so that the CDI proxy of a subclass can be built without it. */
    abstract VersionedCatalog<T> catalog();

    /** The complete definition the draft describes, at the given id and version; throws InvalidInputException. */
    abstract T resolve(String id, long version, D draft);

    /** Built-in or stored; empty when neither has the id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<T> find(String id) {
        return catalog().find(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public T get(String id) {
        return catalog().get(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<T> list(int page, int size) {
        return catalog().list(page, size);
    }

    @Transactional
    public T create(String id, D draft) {
        return catalog().create(id, resolve(id, 1, draft));
    }

    @Transactional
    public T update(String id, Long ifMatch, D draft) {
        return catalog().update(id, ifMatch, version -> resolve(id, version, draft));
    }

    @Transactional
    public void delete(String id, Long ifMatch) {
        catalog().delete(id, ifMatch);
    }

    /** The definition's id, as the catalogue reads it. */
    public String id(T definition) {
        return catalog().id(definition);
    }

    /** The definition's version, as the catalogue reads it. */
    public long version(T definition) {
        return catalog().version(definition);
    }
}
