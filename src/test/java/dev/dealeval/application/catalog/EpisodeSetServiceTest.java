package dev.dealeval.application.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.application.error.ConflictException;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.model.ModelRegistry;
import dev.dealeval.application.model.ModelRegistryTest;
import dev.dealeval.application.port.EpisodeSetStore;
import dev.dealeval.application.port.ScenarioStore;
import dev.dealeval.application.port.VersionedStore;
import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.backtest.EpisodeSetDefinition;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.Scenario;
import dev.dealeval.domain.model.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The episode set service without the HTTP stack: with a model file of one's own that the built-in
 * episodes do not fit, there is no built-in set, the default backtest is a 409 saying why, and a set
 * stored for that model runs.
 */
class EpisodeSetServiceTest {

    /** A store in a map, enough for the service's rules (the JDBC stores are tested over HTTP). */
    private static class Memory<T> implements VersionedStore<T> {
        private final TreeMap<String, T> rows = new TreeMap<>();
        private final Function<T, String> id;
        private final BiFunction<T, Long, T> atVersion;

        Memory(Function<T, String> id, BiFunction<T, Long, T> atVersion) {
            this.id = id;
            this.atVersion = atVersion;
        }

        @Override
        public Optional<T> find(String key) {
            return Optional.ofNullable(rows.get(key));
        }

        @Override
        public boolean create(T value) {
            return rows.putIfAbsent(id.apply(value), value) == null;
        }

        @Override
        public T update(T value, long expectedVersion) {
            T stored = atVersion.apply(value, expectedVersion + 1);
            rows.put(id.apply(value), stored);
            return stored;
        }

        @Override
        public void delete(String key, long expectedVersion) {
            rows.remove(key);
        }

        @Override
        public List<T> list(int offset, int limit) {
            return new ArrayList<>(rows.values()).subList(offset, Math.min(rows.size(), offset + limit));
        }

        @Override
        public long count() {
            return rows.size();
        }
    }

    private static class Sets extends Memory<EpisodeSetDefinition> implements EpisodeSetStore {
        Sets() {
            super(
                    EpisodeSetDefinition::id,
                    (s, v) -> new EpisodeSetDefinition(
                            s.id(), s.name(), s.description(), s.basedOn(), s.episodes(), s.excluded(), false, v));
        }
    }

    private static class Scenarios extends Memory<Scenario> implements ScenarioStore {
        Scenarios() {
            super(Scenario::id, (s, v) -> s.stored(s.id(), v));
        }
    }

    /** The built-in model without the June 2018 scenario that the first built-in episode is decided against. */
    private static ModelRegistry withoutJune2018(Path dir) throws IOException {
        String model = ModelRegistryTest.builtIn();
        int from = model.indexOf("  - id: JUN_2018");
        Path file = dir.resolve("model.yaml");
        Files.writeString(file, model.substring(0, from) + model.substring(model.indexOf("  - id: DEC_2018")));
        return ModelRegistryTest.registry(
                ModelRegistryTest.config(Optional.of(file.toString()), "GENEVA_2025", "default"));
    }

    private static EpisodeSetService.Draft draft(String scenario) {
        return new EpisodeSetService.Draft(
                "Mine",
                null,
                null,
                List.of(new EpisodeSetService.EpisodeDraft(
                        "geneva-truce-2025",
                        "2025-05-12",
                        "The Geneva truce",
                        Episode.Kind.TRUCE,
                        scenario,
                        Map.of("usConcessions.reciprocalTariffPct", 10, "chinaMeasures.tariffPct", 10),
                        Map.of(Side.US, Episode.Decision.ACCEPTED),
                        "Both sides cut their April tariffs to 10% for 90 days.",
                        null,
                        List.of("Joint statement, 12 May 2025"))));
    }

    @Test
    void withoutTheBuiltInEpisodesAStoredSetStillRuns(@TempDir Path dir) throws IOException {
        ModelRegistry registry = withoutJune2018(dir);
        EpisodeSetService sets =
                new EpisodeSetService(registry, new Sets(), new ScenarioService(registry, new Scenarios()));
        assertEquals(0, sets.list(0, 20).total(), "no built-in set");
        List<Violation> violations = new ArrayList<>();
        ConflictException unavailable = assertThrows(ConflictException.class, () -> sets.forBacktest(null, violations));
        assertTrue(unavailable.getMessage().contains(registry.episodesProblem()), unavailable.getMessage());
        assertTrue(unavailable.getMessage().contains("POST /api/v1/episode-sets"), unavailable.getMessage());
        assertThrows(ConflictException.class, () -> sets.forBacktest(EpisodeSetService.BUILT_IN, violations));
        assertThrows(ConflictException.class, () -> sets.create(EpisodeSetService.BUILT_IN, draft("APR_2025")));

        InvalidInputException unknown =
                assertThrows(InvalidInputException.class, () -> sets.create("mine", draft("JUN_2018")));
        assertEquals("episodes[0].scenario", unknown.violations().get(0).field());
        sets.create("mine", draft("APR_2025"));
        EpisodeSetService.Prepared prepared = sets.forBacktest("mine", violations);
        assertEquals(List.of(), violations);
        assertEquals(1, prepared.set().episodes().size());
        assertEquals(List.of(), prepared.scenarios(), "built-in scenarios only: nothing to compile in");
        assertEquals(null, sets.forBacktest("nowhere", violations));
        assertEquals("episodeSet", violations.get(0).field());
    }
}
