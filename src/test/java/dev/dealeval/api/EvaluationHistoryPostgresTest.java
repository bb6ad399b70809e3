package dev.dealeval.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/** The history and idempotency tests on PostgreSQL (row locks on the key differ from H2). */
@QuarkusTest
@TestProfile(PostgresTestProfile.class)
@ExtendWith(PostgresAvailable.class)
class EvaluationHistoryPostgresTest extends EvaluationHistoryTest {}
