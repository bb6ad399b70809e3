package dev.dealeval.application.catalog;

import dev.dealeval.application.error.ConflictException;
import dev.dealeval.application.error.PreconditionRequiredException;
import dev.dealeval.application.error.UnknownResourceException;
import dev.dealeval.application.error.VersionConflictException;
import dev.dealeval.application.port.Page;
import dev.dealeval.application.port.VersionedStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The rules shared by profiles, scenarios and domains: built-in definitions from the model file
 * (read-only, listed first; domains have none) and user-defined ones from a {@link VersionedStore},
 * with conditional writes.
 */
final class VersionedCatalog<T> {
    private final String kind;
    private final Supplier<List<T>> builtIns;
    private final VersionedStore<T> store;
    private final Function<T, String> id;
    private final ToLongFunction<T> version;

    VersionedCatalog(
            String kind,
            Supplier<List<T>> builtIns,
            VersionedStore<T> store,
            Function<T, String> id,
            ToLongFunction<T> version) {
        this.kind = kind;
        this.builtIns = builtIns;
        this.store = store;
        this.id = id;
        this.version = version;
    }

    String id(T value) {
        return id.apply(value);
    }

    long version(T value) {
        return version.applyAsLong(value);
    }

    Optional<T> builtIn(String key) {
        return builtIns.get().stream().filter(t -> id.apply(t).equals(key)).findFirst();
    }

    Optional<T> find(String key) {
        Optional<T> b = builtIn(key);
        return b.isPresent() ? b : store.find(key);
    }

    T get(String key) {
        return find(key).orElseThrow(() -> new UnknownResourceException(kind, key));
    }

    /** Built-ins first, then stored definitions, each in id order: stable while others are added. */
    Page<T> list(int page, int size) {
        List<T> fixed = builtIns.get().stream().sorted(Comparator.comparing(id)).toList();
        long total = fixed.size() + store.count();
        long from = (long) page * size;
        List<T> items = new ArrayList<>();
        for (long i = from; i < Math.min(fixed.size(), from + size); i++) {
            items.add(fixed.get((int) i));
        }
        int remaining = size - items.size();
        if (remaining > 0 && from + items.size() < total) {
            items.addAll(store.list((int) Math.max(0, from - fixed.size()), remaining));
        }
        return new Page<>(items, page, size, total);
    }

    /** Stores a new definition; refuses an id that a built-in or a stored definition already has. */
    T create(String key, T value) {
        if (builtIn(key).isPresent()) {
            throw new ConflictException("'" + key + "' is a built-in " + kind + "; choose another id.");
        }
        if (!store.create(value)) {
            throw new ConflictException("A " + kind + " with id '" + key + "' already exists; PUT to change it.");
        }
        return value;
    }

    /** Replaces a user-defined definition with the one built at the next version, if If-Match allows. */
    T update(String key, Long ifMatch, LongFunction<T> atVersion) {
        long expected = checkWritable(key, ifMatch);
        return store.update(atVersion.apply(expected + 1), expected);
    }

    void delete(String key, Long ifMatch) {
        store.delete(key, checkWritable(key, ifMatch));
    }

    /**
     * A write to an existing user-defined definition, conditional on the version If-Match names
     * ({@link IfMatch#ANY} for any); returns the version the write is based on.
     */
    private long checkWritable(String key, Long ifMatch) {
        if (builtIn(key).isPresent()) {
            throw new ConflictException(
                    "'" + key + "' is a built-in " + kind + " and cannot be changed; create your own from it.");
        }
        T current = store.find(key).orElseThrow(() -> new UnknownResourceException(kind, key));
        if (ifMatch == null) {
            throw new PreconditionRequiredException(kind, key);
        }
        long actual = version.applyAsLong(current);
        if (ifMatch != IfMatch.ANY && actual != ifMatch) {
            throw new VersionConflictException(kind, key, ifMatch, actual);
        }
        return actual;
    }
}
