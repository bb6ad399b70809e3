package dev.dealeval.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/** The analyses of imported domains with the domains stored in PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresTestProfile.class)
@ExtendWith(PostgresAvailable.class)
class DomainAnalysisPostgresTest extends DomainAnalysisTest {}
