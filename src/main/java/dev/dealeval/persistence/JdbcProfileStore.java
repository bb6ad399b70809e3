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

    /** Keys of the settings of profiles stored before the support index replaced the clout quorum. */
    private static final java.util.List<String> RETIRED = java.util.List.of("vetoTemperature", "quorumUs", "quorumCn");

    private final ObjectNode defaultSettings;

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
        this.defaultSettings = json.valueToTree(
                registry.model().profile("default").orElseThrow().settings());
    }

    /**
     * Profiles stored before a decision setting existed take the model's default for it (their
     * settings were copies of their base's); settings of the retired clout-quorum rule are dropped.
     */
    @Override
    JsonNode upgrade(JsonNode document) {
        return upgrade(document, defaultSettings);
    }

    static JsonNode upgrade(JsonNode document, ObjectNode defaults) {
        if (document.get("settings") instanceof ObjectNode settings) {
            settings.remove(RETIRED);
            defaults.fieldNames().forEachRemaining(key -> {
                if (!settings.has(key)) {
                    settings.set(key, defaults.get(key));
                }
            });
        }
        return document;
    }
}
