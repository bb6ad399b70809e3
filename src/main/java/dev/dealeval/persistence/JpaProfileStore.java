package dev.dealeval.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.application.ProfileStore;
import dev.dealeval.domain.model.Profile;
import jakarta.inject.Singleton;

@Singleton
public class JpaProfileStore extends JsonDocumentStore<ProfileEntity, Profile> implements ProfileStore {

    public JpaProfileStore(ProfileRepository repository, ObjectMapper json) {
        super(repository, json, ProfileEntity::new, Profile.class, "profile");
    }

    @Override
    String id(Profile value) {
        return value.id();
    }

    @Override
    String name(Profile value) {
        return value.name();
    }

    @Override
    Profile withIdentity(Profile p, String id, long version) {
        return new Profile(id, p.name(), p.description(), p.sources(), false, version, p.weights(), p.factions(), p.credibility(),
                p.settings());
    }
}
