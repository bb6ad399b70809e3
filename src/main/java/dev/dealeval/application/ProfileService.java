package dev.dealeval.application;

import dev.dealeval.domain.engine.ProfileDraft;
import dev.dealeval.domain.model.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Profiles: the built-in ones of the model file (read-only, version 1) and the user-defined ones of
 * the {@link ProfileStore}. The transaction boundary for their writes.
 */
@ApplicationScoped
public class ProfileService {
    private final ModelRegistry registry;
    private final ProfileStore store;

    public ProfileService(ModelRegistry registry, ProfileStore store) {
        this.registry = registry;
        this.store = store;
    }

    /** Built-in or stored; empty when neither has the id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Profile> find(String id) {
        Optional<Profile> builtIn = registry.profile(id);
        return builtIn.isPresent() ? builtIn : store.find(id);
    }

    public Profile get(String id) {
        return find(id).orElseThrow(() -> new UnknownResourceException("profile", id));
    }

    /** Built-ins first, then stored profiles, each in id order: stable while others are added. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Profile> list(int page, int size) {
        List<Profile> builtIns = registry.profiles().stream().sorted(java.util.Comparator.comparing(Profile::id)).toList();
        long total = builtIns.size() + store.count();
        int from = page * size;
        List<Profile> items = new ArrayList<>();
        for (int i = from; i < Math.min(builtIns.size(), from + size); i++) {
            items.add(builtIns.get(i));
        }
        int remaining = size - items.size();
        if (remaining > 0) {
            items.addAll(store.list(Math.max(0, from - builtIns.size()), remaining));
        }
        return new Page<>(items, page, size, total);
    }

    @Transactional
    public Profile create(String id, ProfileDraft draft) {
        if (registry.profile(id).isPresent()) {
            throw new ConflictException("'" + id + "' is a built-in profile; choose another id.");
        }
        Profile profile = resolve(draft, id, 1);
        if (!store.create(profile)) {
            throw new ConflictException("A profile with id '" + id + "' already exists; PUT to change it.");
        }
        return profile;
    }

    @Transactional
    public Profile update(String id, Long ifMatch, ProfileDraft draft) {
        writable(id, ifMatch);
        Profile profile = resolve(draft, id, ifMatch + 1);
        return store.update(profile, ifMatch);
    }

    @Transactional
    public void delete(String id, Long ifMatch) {
        writable(id, ifMatch);
        store.delete(id, ifMatch);
    }

    private void writable(String id, Long ifMatch) {
        if (registry.profile(id).isPresent()) {
            throw new ConflictException("'" + id + "' is a built-in profile and cannot be changed; create your own from it.");
        }
        Profile current = store.find(id).orElseThrow(() -> new UnknownResourceException("profile", id));
        if (ifMatch == null) {
            throw new PreconditionRequiredException("profile", id);
        }
        if (current.version() != ifMatch) {
            throw new VersionConflictException("profile", id, ifMatch, current.version());
        }
    }

    /**
     * POST and PUT take the same document, which alone determines the profile: its changes applied
     * to its basedOn profile (default: the configured default profile). PUT replaces, it does not merge.
     */
    private Profile resolve(ProfileDraft draft, String id, long version) {
        String baseId = draft.basedOn() == null ? registry.defaultProfile() : draft.basedOn();
        Profile base = find(baseId).orElseThrow(() -> new InvalidInputException(List.of(
                new dev.dealeval.domain.engine.Violation("basedOn", "unknown profile '" + baseId + "'"))));
        ProfileDraft.Resolved r = draft.resolve(registry.model(), base, id, version);
        if (!r.violations().isEmpty()) {
            throw new InvalidInputException(r.violations());
        }
        return r.profile();
    }
}
