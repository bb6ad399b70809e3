package dev.dealeval.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs a test class against the local PostgreSQL (127.0.0.1:5432, user postgres, database test) in
 * a schema of its own, cleaned and migrated at start. The database kind is a build-time property;
 * a test profile rebuilds the application, so the same tests run on PostgreSQL as on H2.
 */
public class PostgresTestProfile implements QuarkusTestProfile {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    /**
     * The schema the tests own (cleaned at start): dealeval_test, or -Dtest.pg-schema=... so that
     * two test runs on one machine do not clean each other's tables.
     */
    public static final String SCHEMA = System.getProperty("test.pg-schema", "dealeval_test");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url",
                        "jdbc:postgresql://" + HOST + ":" + PORT + "/test?currentSchema=" + SCHEMA,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "quarkus.flyway.schemas", SCHEMA,
                "quarkus.flyway.create-schemas", "true",
                "quarkus.flyway.clean-disabled", "false",
                "quarkus.flyway.clean-at-start", "true");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
