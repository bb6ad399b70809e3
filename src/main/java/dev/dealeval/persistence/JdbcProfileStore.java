package dev.dealeval.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.application.port.ProfileStore;
import dev.dealeval.domain.model.Profile;
import jakarta.inject.Singleton;

@Singleton
public class JdbcProfileStore extends JsonDocumentStore<Profile> implements ProfileStore {

    private final double relativeStanceMargin;

    public JdbcProfileStore(Sql sql, ObjectMapper json, ModelRegistry registry) {
        super(
                sql,
                json,
                "profile",
                "profile",
                Profile.class,
                Profile::id,
                Profile::name,
                (p, id, version) -> new Profile(
                        id,
                        p.name(),
                        p.description(),
                        p.sources(),
                        false,
                        version,
                        p.weights(),
                        p.factions(),
                        p.credibility(),
                        p.settings()));
        this.relativeStanceMargin =
                registry.model().profile("default").orElseThrow().settings().relativeStanceMargin();
    }

    /**
     * Profiles stored before the stake-relative stance margin existed take the model's: their other
     * settings are copies of their base's too.
     */
    @Override
    JsonNode upgrade(JsonNode document) {
        return upgrade(document, relativeStanceMargin);
    }

    static JsonNode upgrade(JsonNode document, double relativeStanceMargin) {
        if (document.get("settings") instanceof ObjectNode settings && !settings.has("relativeStanceMargin")) {
            settings.put("relativeStanceMargin", relativeStanceMargin);
        }
        return document;
    }
}
