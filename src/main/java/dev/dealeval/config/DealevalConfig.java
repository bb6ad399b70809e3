package dev.dealeval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Tunables of the service; every one can be set by an environment variable (DEALEVAL_...). */
@ConfigMapping(prefix = "dealeval")
public interface DealevalConfig {

    /** Directory of the embedded H2 database (default build); relative to the working directory. */
    @WithDefault("data")
    String dataDir();

    Model model();

    Limits limits();

    interface Model {
        /** A model file on disk to use instead of the built-in one (same YAML format). */
        Optional<String> path();

        /** Scenario used when a request names none. */
        @WithDefault("GENEVA_2025")
        String defaultScenario();

        /** Profile used when a request names none. */
        @WithDefault("default")
        String defaultProfile();
    }

    interface Limits {
        /** Largest request body accepted, in bytes; larger ones get 413. */
        @WithDefault("1048576")
        long maxBodyBytes();
    }
}
