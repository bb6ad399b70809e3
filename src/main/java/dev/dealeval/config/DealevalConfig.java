package dev.dealeval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Tunables of the service; every one can be set by an environment variable (DEALEVAL_...). Each is
 * checked at start-up by the constraints below: a value the service cannot work with stops it, naming
 * the setting (StartupConfigurationIT).
 */
@ConfigMapping(prefix = "dealeval")
public interface DealevalConfig {

    /**
     * Directory of the embedded H2 database (default build): absolute, or relative to the working
     * directory with a leading ./ or ../ (or under ~/); H2 refuses a path that is only implicitly relative.
     */
    @WithDefault("./data")
    @Pattern(regexp = "(/|\\./|\\.\\./|~/).+", message = "must be an absolute path or start with ./, ../ or ~/")
    String dataDir();

    Model model();

    Security security();

    interface Security {
        /**
         * The form of an API-key entry: a name, its roles ({@code editor} may write; {@code reader} is a
         * key without it, for reads when open-reads is false and stores beyond the anonymous quota) and
         * the SHA-256 of the key in hex. Checked at start-up: an entry not of this form, or with another
         * role, stops it.
         */
        String API_KEY = "\\s*[^:,\\s]+:(editor|reader)(\\+(editor|reader))*:[0-9a-fA-F]{64}\\s*";

        /** What start-up says of an entry not of that form; the entry itself is not repeated, since it may hold a key. */
        String API_KEY_MESSAGE =
                "is not name:role[+role]:sha256hex (roles editor and reader, the key's SHA-256 in 64 hex digits)";

        /**
         * API keys, comma-separated, each {@code name:role[+role]:sha256-of-the-key-in-hex}, e.g.
         * {@code alice:editor:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae}. Only
         * hashes are configured; a client sends the key itself in X-API-Key (or Authorization: Bearer).
         */
        java.util.Optional<java.util.List<@Pattern(regexp = API_KEY, message = API_KEY_MESSAGE) String>> apiKeys();

        /** When false, reads and evaluations need a valid key too; writes always need the editor role. */
        @WithDefault("true")
        boolean openReads();

        /**
         * Evaluations a client without a key may store (POST /api/v1/evaluations without
         * store=false), per client address: a rate, as a minute's worth of tokens refilled evenly...
         * 0 means anonymous clients cannot store at all (they still compute with store=false).
         */
        @WithDefault("30")
        @PositiveOrZero
        int anonymousStoresPerMinute();

        /** ... and a total per client address in any 24 hours. */
        @WithDefault("1000")
        @PositiveOrZero
        int anonymousStoresPerDay();
    }

    Limits limits();

    Analysis analysis();

    /** Caps on the deal-space analyses: a request beyond them is refused up front. */
    interface Analysis {
        /**
         * The most bundles a comparison or sensitivity request may carry whatever the configuration:
         * requests are read against it (a longer list stops the read), and the two settings below may
         * not exceed it.
         */
        int MAX_BUNDLES_PER_REQUEST = 1000;

        /** Threads the searches and sensitivity analyses share; 0 means one per available processor. */
        @WithDefault("0")
        @PositiveOrZero
        int threads();

        /**
         * Searches and sensitivity analyses running or waiting at once (they share the threads); one
         * more waits up to {@code busy-wait} for a turn and is then refused with 503 and Retry-After.
         */
        @WithDefault("4")
        @Positive
        int maxConcurrent();

        /** How long a search or sensitivity analysis waits for a turn before 503. */
        @WithDefault("2s")
        @DurationMin
        java.time.Duration busyWait();

        /** Largest deal space a search may examine (and the budget when a request states none). */
        @WithDefault("10000000")
        @Positive
        long maxSearchBundles();

        /** Most frontier bundles a search response lists (the frontier is thinned evenly beyond a request's frontierLimit). */
        @WithDefault("1000")
        @Positive
        int maxFrontierBundles();

        /** Most bundles in one comparison. */
        @WithDefault("200")
        @Max(MAX_BUNDLES_PER_REQUEST)
        @Positive
        int maxComparisonBundles();

        /** Most counteroffers returned. */
        @WithDefault("50")
        @Positive
        int maxCounteroffers();

        /** Most bundles in one sensitivity analysis. */
        @WithDefault("50")
        @Max(MAX_BUNDLES_PER_REQUEST)
        @Positive
        int maxSensitivityBundles();

        /** Most Monte Carlo samples in one sensitivity analysis. */
        @WithDefault("10000")
        @Positive
        int maxSensitivitySamples();

        /** Longest negotiation a simulation may run, in rounds (offers). */
        @WithDefault("10000")
        @Positive
        int maxSimulationRounds();

        /** Most strategies one tournament may pit against each other (every ordered pair plays). */
        @WithDefault("8")
        @Min(2)
        int maxTournamentStrategies();

        /** Most scenario-and-profile settings one tournament may play in (each means one search of the space). */
        @WithDefault("16")
        @Positive
        int maxTournamentSettings();

        /** Largest deal space a tournament may search in each setting. */
        @WithDefault("2000000")
        @Positive
        long maxTournamentBundles();
    }

    interface Model {
        /** A model file on disk to use instead of the built-in one (same YAML format). */
        Optional<String> path();

        /**
         * A backtest file on disk (episodes, same YAML format as model/backtest.yaml) to use instead of
         * the built-in one; checked against the model at start-up.
         */
        Optional<String> backtestPath();

        /** Scenario used when a request names none. */
        @WithDefault("GENEVA_2025")
        String defaultScenario();

        /** Profile used when a request names none. */
        @WithDefault("default")
        String defaultProfile();
    }

    interface Limits {
        /**
         * The most episodes one stored episode set may hold, whatever the configuration: requests are
         * read against it (a longer list stops the read). A set at this bound, each episode against its
         * own stored scenario, runs in under half a second (docs/backtest.md, "Your own episode sets").
         */
        int MAX_EPISODES_PER_SET = 500;

        /** Largest request body accepted, in bytes; larger ones get 413. */
        @WithDefault("1048576")
        @Positive
        long maxBodyBytes();

        /** Longest request target (path and query) accepted, in characters; longer ones get 414. */
        @WithDefault("4096")
        @Positive
        int maxUriLength();

        /** Largest request header block accepted (names, values and separators), in bytes; larger ones get 431. */
        @WithDefault("8192")
        @Positive
        int maxHeaderBytes();

        /**
         * Header read timeout: a connection that sends no complete request head for this long while
         * no request of it is being answered (new, kept alive and idle, or trickling its headers) is
         * closed after one to two times this.
         */
        @WithDefault("10s")
        @DurationMin(millis = 1)
        java.time.Duration headerTimeout();

        /**
         * Longest time any request may take: a request not answered by then gets 503 problem+json
         * (the analysis limits keep the largest allowed request well inside it).
         */
        @WithDefault("30s")
        @DurationMin(millis = 1)
        java.time.Duration requestTimeout();
    }
}
