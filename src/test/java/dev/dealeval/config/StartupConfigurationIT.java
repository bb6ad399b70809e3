package dev.dealeval.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dealeval.api.security.ApiKeyIdentityProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A configuration the service cannot work with stops the packaged service at start-up, naming each
 * setting at fault, instead of starting a service that answers every request with 500, 503 or 413:
 * an API-key entry not of the form name:role[+role]:sha256hex (its text is not repeated, since it may
 * hold the key), a role the service does not know, a limit or capacity that is not positive, a
 * negative wait or a zero timeout. The packaged jar runs with the container's JVM options, as the other
 * packaged-jar tests do (application.properties, quarkus.test.arg-line).
 */
class StartupConfigurationIT {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    private static String hash(String key) {
        return HexFormat.of().formatHex(ApiKeyIdentityProvider.sha256(key));
    }

    /** The packaged service started with the environment given, on free ports and a data directory of its own. */
    private static Process start(Map<String, String> env, Path log) throws IOException {
        assumeTrue(Files.exists(JAR), "no " + JAR + ": run after ./mvnw package");
        Path data = Files.createTempDirectory(Path.of("target"), "startup-it-").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@deploy/jvm.options",
                "-XX:MaxRAM=512m",
                "-Dquarkus.http.port=0",
                "-Dquarkus.management.port=0",
                "-jar",
                JAR.toString()));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DEALEVAL_") || k.startsWith("QUARKUS_"));
        pb.environment().put("DEALEVAL_DATA_DIR", data.resolve("db").toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Starts the service with env, expects it to exit non-zero on its own, and returns what it printed. */
    private static String refusedStart(Map<String, String> env) throws Exception {
        Path log = Files.createTempFile(Path.of("target"), "startup-it-", ".log");
        Process p = start(env, log);
        try {
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the service kept running with " + env);
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertNotEquals(0, p.exitValue(), out);
            assertFalse(out.contains("Listening on"), out);
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aKeyEntryNotOfTheFormStopsStartUpWithoutRepeatingIt() throws Exception {
        String out = refusedStart(
                Map.of("DEALEVAL_SECURITY_API_KEYS", "alice:editor:" + hash("a") + ",my-raw-key-1234=editor"));
        assertTrue(out.contains("Configuration validation failed"), out);
        assertTrue(out.contains("dealeval.security.api-keys[1] " + DealevalConfig.Security.API_KEY_MESSAGE), out);
        assertFalse(out.contains("api-keys[0]"), out);
        assertFalse(out.contains("my-raw-key-1234"), "the entry may hold a key and must not be printed:\n" + out);
    }

    @Test
    void aRoleTheServiceDoesNotKnowStopsStartUp() throws Exception {
        String out = refusedStart(Map.of("DEALEVAL_SECURITY_API_KEYS", "alice:editr:" + hash("a")));
        assertTrue(out.contains("dealeval.security.api-keys[0] " + DealevalConfig.Security.API_KEY_MESSAGE), out);
    }

    @Test
    void everyLimitOutOfRangeIsNamedAtOnce() throws Exception {
        String out = refusedStart(Map.of(
                "DEALEVAL_ANALYSIS_MAX_CONCURRENT", "-1",
                "DEALEVAL_ANALYSIS_BUSY_WAIT", "-1s",
                "DEALEVAL_ANALYSIS_MAX_SEARCH_BUNDLES", "0",
                "DEALEVAL_ANALYSIS_MAX_TOURNAMENT_STRATEGIES", "1",
                "DEALEVAL_LIMITS_MAX_BODY_BYTES", "-5",
                "DEALEVAL_LIMITS_REQUEST_TIMEOUT", "0s",
                "DEALEVAL_DATA_DIR", "data",
                "DEALEVAL_SECURITY_ANONYMOUS_STORES_PER_MINUTE", "-3"));
        for (String named : List.of(
                "dealeval.analysis.max-concurrent must be greater than 0",
                "dealeval.analysis.busy-wait must be longer than or equal to 0",
                "dealeval.analysis.max-search-bundles must be greater than 0",
                "dealeval.analysis.max-tournament-strategies must be greater than or equal to 2",
                "dealeval.limits.max-body-bytes must be greater than 0",
                "dealeval.limits.request-timeout must be longer than or equal to 1",
                "dealeval.data-dir must be an absolute path or start with ./, ../ or ~/",
                "dealeval.security.anonymous-stores-per-minute must be greater than or equal to 0")) {
            assertTrue(out.contains(named), "expected '" + named + "' in:\n" + out);
        }
    }

    /** Entries of the form start the service, spaces after the commas allowed, and each key gets its roles. */
    @Test
    void wellFormedKeysStartTheServiceWithTheirRoles() throws Exception {
        Path log = Files.createTempFile(Path.of("target"), "startup-it-", ".log");
        Process p = start(
                Map.of(
                        "DEALEVAL_SECURITY_API_KEYS",
                        "alice:editor+reader:" + hash("alice-key") + ", dashboard:reader:" + hash("dashboard-key")),
                log);
        try {
            int port = -1;
            for (int i = 0; i < 180 && port < 0 && p.isAlive(); i++) {
                Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
                port = m.find() ? Integer.parseInt(m.group(1)) : -1;
                Thread.sleep(500);
            }
            assertTrue(port > 0, "the service did not start:\n" + Files.readString(log, StandardCharsets.UTF_8));
            HttpClient client = HttpClient.newHttpClient();
            Map<String, Integer> expected = Map.of("alice-key", 400, "dashboard-key", 403, "unknown-key", 401);
            for (var e : expected.entrySet()) {
                HttpRequest write = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/profiles"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", e.getKey())
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build();
                HttpResponse<String> r = client.send(write, HttpResponse.BodyHandlers.ofString());
                assertEquals(e.getValue(), r.statusCode(), e.getKey() + ": " + r.body());
            }
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
