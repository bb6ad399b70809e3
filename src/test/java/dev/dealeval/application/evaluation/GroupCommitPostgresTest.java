package dev.dealeval.application.evaluation;

import dev.dealeval.api.PostgresAvailable;
import dev.dealeval.api.PostgresTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/** The group-commit tests on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresTestProfile.class)
@ExtendWith(PostgresAvailable.class)
class GroupCommitPostgresTest extends GroupCommitTest {}
