package dev.dealeval.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same simulations and tournaments against the packaged service (run by `./mvnw verify`). */
@QuarkusIntegrationTest
class SimulationApiIT extends SimulationApiTest {}
