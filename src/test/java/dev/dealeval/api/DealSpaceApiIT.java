package dev.dealeval.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The deal-space tests against the packaged jar. */
@QuarkusIntegrationTest
class DealSpaceApiIT extends DealSpaceApiTest {}
