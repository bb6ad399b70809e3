package dev.dealeval.application.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.EpisodeFileReader;
import dev.dealeval.adapter.modelfile.ModelFileReader;
import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.config.DealevalConfig;
import dev.dealeval.domain.model.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up: the registry loads the built-in model or an operator's file, and a bad file stops it with a message naming the entry. */
public class ModelRegistryTest {

    public static DealevalConfig config(Optional<String> path, String scenario, String profile) {
        return config(path, Optional.empty(), scenario, profile);
    }

    /**
     * The registry's settings: only the model's are read (any other fails the test). Proxies, not classes
     * implementing the interface: the constraints on its settings would make such a class an intercepted
     * bean when Quarkus indexes the tests.
     */
    private static DealevalConfig config(
            Optional<String> path, Optional<String> backtest, String scenario, String profile) {
        DealevalConfig.Model model = settings(
                DealevalConfig.Model.class,
                Map.of("path", path, "backtestPath", backtest, "defaultScenario", scenario, "defaultProfile", profile));
        return settings(DealevalConfig.class, Map.of("model", model));
    }

    private static <T> T settings(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(
                        "the registry reads only the model settings, not " + method.getName());
            }
            return values.get(method.getName());
        }));
    }

    /** The registry as start-up builds it, reading files with the service's own readers. */
    public static ModelRegistry registry(DealevalConfig config) {
        return new ModelRegistry(config, new ModelFileReader(), new EpisodeFileReader());
    }

    public static String builtIn() throws IOException {
        try (InputStream in = ModelRegistryTest.class.getClassLoader().getResourceAsStream(ModelFileReader.BUILT_IN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void loadsTheBuiltInModel() {
        ModelRegistry registry = registry(config(Optional.empty(), "GENEVA_2025", "default"));
        assertEquals(ModelFixtures.termsInModelFile(), registry.model().terms().size());
        var p = registry.profile("default").orElseThrow();
        assertTrue(registry.compiled(p) == registry.compiled(p), "compiled once per profile version");
    }

    /** Scenarios of one's own (those an episode set names) compiled in beside the built-in ones, cached by version. */
    @Test
    void compilesAProfileWithStoredScenarios() {
        ModelRegistry registry = registry(config(Optional.empty(), "GENEVA_2025", "default"));
        var p = registry.profile("default").orElseThrow();
        var geneva = registry.model().scenario("GENEVA_2025").orElseThrow();
        assertTrue(registry.compiled(p, java.util.List.of(geneva)) == registry.compiled(p), "built-in only");
        var a = stored("MINE_A", geneva, 1);
        var b = stored("MINE_B", geneva, 1);
        var both = registry.compiled(p, java.util.List.of(b, geneva, a));
        assertTrue(both.scenarioIndex("MINE_A") >= 0 && both.scenarioIndex("MINE_B") >= 0);
        assertTrue(both.scenarioIndex("GENEVA_2025") >= 0);
        assertEquals(
                registry.model().scenarios().size() + 2,
                both.model().scenarios().size());
        assertTrue(both == registry.compiled(p, java.util.List.of(a, b)), "cached by ids and versions");
        // Re-created under the same id and version with other values: compiled again, not served stale.
        var values = new java.util.HashMap<>(geneva.values());
        values.put("usConcessions.reciprocalTariffPct", 15);
        var changed = new dev.dealeval.domain.model.Scenario(
                "MINE_A", "a", "", "", values, java.util.List.of(), java.util.List.of(), false, 1);
        var again = registry.compiled(p, java.util.List.of(changed, b));
        assertTrue(again != both, "recompiled");
        assertEquals(changed, again.model().scenario("MINE_A").orElseThrow());
    }

    private static dev.dealeval.domain.model.Scenario stored(
            String id, dev.dealeval.domain.model.Scenario base, long version) {
        return new dev.dealeval.domain.model.Scenario(
                id, id, base.date(), "", base.values(), base.threats(), base.sources(), false, version);
    }

    @Test
    void loadsAnOperatorsFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.yaml");
        Files.writeString(file, builtIn().replace("version: \"2026.12-1\"", "version: \"ops-1\""));
        ModelRegistry registry = registry(config(Optional.of(file.toString()), "GENEVA_2025", "default"));
        assertEquals("ops-1", registry.model().version());
    }

    @Test
    void aBrokenFileStopsStartUpNamingTheEntryAndTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.yaml");
        Files.writeString(
                file,
                builtIn()
                        .replace(
                                "    weight: 0.10\n    formula: \"score of fentanyl.level",
                                "    weight: lots\n    formula: \"score of fentanyl.level"));
        ModelException e = assertThrows(
                ModelException.class, () -> registry(config(Optional.of(file.toString()), "GENEVA_2025", "default")));
        assertEquals("criteria[2] (fentanyl).weight", e.entry());
        assertTrue(
                e.getMessage().contains("must be a finite number")
                        && e.getMessage().contains(file.toString()),
                e.getMessage());
    }

    @Test
    void theBuiltInEpisodesComeWithTheBuiltInModel() {
        ModelRegistry registry = registry(config(Optional.empty(), "GENEVA_2025", "default"));
        assertTrue(registry.episodes().orElseThrow().episodes().size() >= 20);
    }

    @Test
    void anOperatorsModelWithoutTheHistoricalScenariosOnlyLosesTheBacktest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.yaml");
        String model = builtIn();
        // Drop the 2018 scenario the first episode is decided against.
        int from = model.indexOf("  - id: JUN_2018");
        Files.writeString(file, model.substring(0, from) + model.substring(model.indexOf("  - id: DEC_2018")));
        ModelRegistry registry = registry(config(Optional.of(file.toString()), "GENEVA_2025", "default"));
        assertTrue(registry.episodes().isEmpty());
        assertTrue(
                registry.episodesProblem().contains("episodes[8] (purchase-offer-2018).scenario"),
                registry.episodesProblem());
    }

    @Test
    void aBrokenBacktestFileNamedInConfigurationStopsStartUp(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("backtest.yaml");
        Files.writeString(file, """
                episodes:
                  - {id: x, date: "2025-01-01", title: t, kind: TRUCE, scenario: GENEVA_2025, bundle: {purchases.years: 9},
                     decisions: {US: ACCEPTED}, record: r, sources: [s]}
                """);
        ModelException e = assertThrows(
                ModelException.class,
                () -> registry(config(Optional.empty(), Optional.of(file.toString()), "GENEVA_2025", "default")));
        assertEquals("episodes[0] (x).bundle.purchases.years", e.entry());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aMissingFileOrUnknownDefaultsStopStartUp(@TempDir Path dir) {
        ModelException missing = assertThrows(
                ModelException.class,
                () -> registry(config(Optional.of(dir.resolve("none.yaml").toString()), "GENEVA_2025", "default")));
        assertEquals("model file: cannot read " + dir.resolve("none.yaml") + ": no such file", missing.getMessage());
        ModelException scenario =
                assertThrows(ModelException.class, () -> registry(config(Optional.empty(), "NOWHERE", "default")));
        assertEquals("dealeval.model.default-scenario", scenario.entry());
        ModelException profile =
                assertThrows(ModelException.class, () -> registry(config(Optional.empty(), "GENEVA_2025", "nobody")));
        assertEquals("dealeval.model.default-profile", profile.entry());
    }
}
