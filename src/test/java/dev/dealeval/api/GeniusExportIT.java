package dev.dealeval.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The GENIUS export and its round trip against the packaged service (run by `./mvnw verify`). */
@QuarkusIntegrationTest
class GeniusExportIT extends GeniusExportTest {}
