package dev.dealeval.api;

import static dev.dealeval.api.ApiTestSupport.evaluate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.application.error.DatabaseErrors;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * While PostgreSQL recovers after a crash it answers every connection with 57P03 "the database
 * system is starting up": the service treats that as a database away for now, as in
 * {@link DatabaseDownTest}: 503 problem+json with Retry-After, not 500, and what needs no database works.
 */
@QuarkusTest
@TestProfile(DatabaseRecoveringTest.StartingUp.class)
class DatabaseRecoveringTest extends ApiTestSupport {
    @Inject
    DataSource dataSource;

    /**
     * The default build's datasource kind (h2) stays; only its driver and URL change. The driver is a
     * build-time property, but a test profile rebuilds the application, so Agroal connects with
     * PostgreSQL's own driver, as the {@code pg} build does. Flyway is off: it would meet the refusal
     * at start-up.
     */
    public static class StartingUp implements QuarkusTestProfile {
        /**
         * Started before Quarkus, which reads its port from the overrides below. Quarkus loads this
         * class in two class loaders, so a second, unused server starts too; both refuse alike.
         */
        static final FakePostgres SERVER = new FakePostgres("57P03", "the database system is starting up");

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.driver", "org.postgresql.Driver",
                    "quarkus.datasource.jdbc.url", SERVER.jdbcUrl(),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S");
        }
    }

    @Test
    void whatNeedsTheDatabaseGets503AndTheRestWorks() {
        // First, so that the time limit below measures the refusal, not the first evaluation's warm-up.
        evaluate("{\"bundle\": {}}").statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"bundle\": {}}")
                .post("/api/v1/evaluations")
                .then()
                .time(lessThan(5000L))
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:dealeval:problem:database-unavailable"));
        given().get("/api/v1/profiles")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5");
        management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** The 503s above come from the PostgreSQL driver refused by the fake server, not from a pool that never reached it. */
    @Test
    void theDataSourceIsRefusedWith57P03() {
        SQLException e = assertThrows(
                SQLException.class, () -> dataSource.getConnection().close());
        Throwable refusal = e;
        while (refusal != null && !(refusal instanceof PSQLException)) {
            refusal = refusal.getCause();
        }
        assertTrue(refusal instanceof PSQLException, () -> "not refused by PostgreSQL's driver: " + e);
        assertEquals("57P03", ((PSQLException) refusal).getSQLState());
        assertTrue(DatabaseErrors.unavailable(e));
    }
}
