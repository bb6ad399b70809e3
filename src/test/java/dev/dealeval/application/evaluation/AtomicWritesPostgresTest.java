package dev.dealeval.application.evaluation;

import dev.dealeval.api.PostgresAvailable;
import dev.dealeval.api.PostgresTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/** The half-way failure test on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresTestProfile.class)
@ExtendWith(PostgresAvailable.class)
class AtomicWritesPostgresTest extends AtomicWritesTest {}
