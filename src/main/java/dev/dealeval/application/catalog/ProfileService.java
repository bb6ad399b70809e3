package dev.dealeval.application.catalog;

import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.application.port.ProfileStore;
import dev.dealeval.domain.engine.ProfileDraft;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Profiles: the built-in ones of the model file (read-only, version 1) and the user-defined ones of
 * the {@link ProfileStore}.
 */
@ApplicationScoped
public class ProfileService extends CatalogService<Profile, ProfileDraft> {
    private final ModelRegistry registry;
    private final VersionedCatalog<Profile> catalog;

    public ProfileService(ModelRegistry registry, ProfileStore store) {
        this.registry = registry;
        this.catalog = new VersionedCatalog<>("profile", registry::profiles, store, Profile::id, Profile::version);
    }

    @Override
    VersionedCatalog<Profile> catalog() {
        return catalog;
    }

    /**
     * The profile a request names in its {@code profile} field (null: the configured default), or
     * null with a violation naming the field when there is none.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Profile named(String id, List<Violation> violations) {
        String profileId = id == null ? registry.defaultProfile() : id;
        Profile p = find(profileId).orElse(null);
        if (p == null) {
            violations.add(new Violation(
                    "profile",
                    "unknown profile '" + profileId + "'; built in: "
                            + String.join(
                                    ", ",
                                    registry.profiles().stream()
                                            .map(Profile::id)
                                            .toList()) + " (GET /api/v1/profiles lists all)"));
        }
        return p;
    }

    /**
     * POST and PUT take the same document, which alone determines the profile: its changes applied
     * to its basedOn profile (default: the configured default profile). PUT replaces, it does not merge.
     */
    @Override
    Profile resolve(String id, long version, ProfileDraft draft) {
        String baseId = draft.basedOn() == null ? registry.defaultProfile() : draft.basedOn();
        Profile base = find(baseId)
                .orElseThrow(() -> new InvalidInputException(
                        List.of(new Violation("basedOn", "unknown profile '" + baseId + "'"))));
        ProfileDraft.Resolved r = draft.resolve(registry.model(), base, id, version);
        if (!r.violations().isEmpty()) {
            throw new InvalidInputException(r.violations());
        }
        return r.profile();
    }
}
