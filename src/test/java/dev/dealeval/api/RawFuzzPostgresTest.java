package dev.dealeval.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same raw-bytes fuzzing against the PostgreSQL build (its own schema, cleaned at start): NUL and invalid text reach a different database. */
@QuarkusTest
@TestProfile(PostgresTestProfile.class)
@ExtendWith(PostgresAvailable.class)
class RawFuzzPostgresTest extends RawFuzzTest {}
