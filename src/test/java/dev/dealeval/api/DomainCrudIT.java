package dev.dealeval.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged service (run by `./mvnw verify`). */
@QuarkusIntegrationTest
class DomainCrudIT extends DomainCrudTest {}
