package dev.dealeval.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same analyses of imported domains against the packaged service (run by `./mvnw verify`). */
@QuarkusIntegrationTest
class DomainAnalysisIT extends DomainAnalysisTest {}
