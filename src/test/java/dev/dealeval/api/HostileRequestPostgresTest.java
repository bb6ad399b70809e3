package dev.dealeval.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same hostile requests against PostgreSQL, which refuses a NUL in text where H2 keeps it:
 * every one must be refused before it reaches the database.
 */
@QuarkusTest
@TestProfile(PostgresTestProfile.class)
@ExtendWith(PostgresAvailable.class)
class HostileRequestPostgresTest extends HostileRequestTest {}
