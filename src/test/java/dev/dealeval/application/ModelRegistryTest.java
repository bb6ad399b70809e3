package dev.dealeval.application;

import dev.dealeval.config.DealevalConfig;
import dev.dealeval.domain.model.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up: the registry loads the built-in model or an operator's file, and a bad file stops it with a message naming the entry. */
class ModelRegistryTest {

    private static DealevalConfig config(Optional<String> path, String scenario, String profile) {
        return new DealevalConfig() {
            @Override
            public String dataDir() {
                return "data";
            }

            @Override
            public Model model() {
                return new Model() {
                    @Override
                    public Optional<String> path() {
                        return path;
                    }

                    @Override
                    public String defaultScenario() {
                        return scenario;
                    }

                    @Override
                    public String defaultProfile() {
                        return profile;
                    }
                };
            }

            @Override
            public Analysis analysis() {
                throw new UnsupportedOperationException("the registry does not read the analysis limits");
            }

            @Override
            public Security security() {
                return new Security() {
                    @Override
                    public Optional<java.util.List<String>> apiKeys() {
                        return Optional.empty();
                    }

                    @Override
                    public boolean openReads() {
                        return true;
                    }
                };
            }

            @Override
            public Limits limits() {
                return () -> 1024;
            }
        };
    }

    private static String builtIn() throws IOException {
        try (InputStream in = ModelRegistryTest.class.getClassLoader().getResourceAsStream(ModelRegistry.BUILT_IN_MODEL)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void loadsTheBuiltInModel() {
        ModelRegistry registry = new ModelRegistry(config(Optional.empty(), "GENEVA_2025", "default"));
        assertEquals(35, registry.model().terms().size());
        var p = registry.profile("default").orElseThrow();
        assertTrue(registry.compiled(p) == registry.compiled(p), "compiled once per profile version");
    }

    @Test
    void loadsAnOperatorsFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.yaml");
        Files.writeString(file, builtIn().replace("version: \"2025.11-1\"", "version: \"ops-1\""));
        ModelRegistry registry = new ModelRegistry(config(Optional.of(file.toString()), "GENEVA_2025", "default"));
        assertEquals("ops-1", registry.model().version());
    }

    @Test
    void aBrokenFileStopsStartUpNamingTheEntryAndTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.yaml");
        Files.writeString(file, builtIn().replace("    weight: 0.11\n    formula: \"score of fentanyl.level", "    weight: lots\n    formula: \"score of fentanyl.level"));
        ModelException e = assertThrows(ModelException.class,
                () -> new ModelRegistry(config(Optional.of(file.toString()), "GENEVA_2025", "default")));
        assertEquals("criteria[2] (fentanyl).weight", e.entry());
        assertTrue(e.getMessage().contains("must be a finite number") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aMissingFileOrUnknownDefaultsStopStartUp(@TempDir Path dir) {
        ModelException missing = assertThrows(ModelException.class,
                () -> new ModelRegistry(config(Optional.of(dir.resolve("none.yaml").toString()), "GENEVA_2025", "default")));
        assertTrue(missing.getMessage().startsWith("model file: cannot read"), missing.getMessage());
        ModelException scenario = assertThrows(ModelException.class,
                () -> new ModelRegistry(config(Optional.empty(), "NOWHERE", "default")));
        assertEquals("dealeval.model.default-scenario", scenario.entry());
        ModelException profile = assertThrows(ModelException.class,
                () -> new ModelRegistry(config(Optional.empty(), "GENEVA_2025", "nobody")));
        assertEquals("dealeval.model.default-profile", profile.entry());
    }
}
