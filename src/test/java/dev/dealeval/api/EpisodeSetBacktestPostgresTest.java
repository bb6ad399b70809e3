package dev.dealeval.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/** The backtest on stored episode sets and scenarios, on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresTestProfile.class)
@ExtendWith(PostgresAvailable.class)
class EpisodeSetBacktestPostgresTest extends EpisodeSetBacktestTest {}
