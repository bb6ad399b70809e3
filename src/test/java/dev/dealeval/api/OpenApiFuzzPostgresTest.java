package dev.dealeval.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same fuzzing and stored-state check against the PostgreSQL build (its own schema, cleaned at start). */
@QuarkusTest
@TestProfile(PostgresTestProfile.class)
@ExtendWith(PostgresAvailable.class)
class OpenApiFuzzPostgresTest extends OpenApiFuzzTest {}
