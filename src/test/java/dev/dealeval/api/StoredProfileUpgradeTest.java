package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dealeval.persistence.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A profile stored before the stake-relative stance margin existed still reads, evaluates and
 * backtests: it takes the model's margin, and its version (ETag) does not move.
 */
@QuarkusTest
class StoredProfileUpgradeTest extends ApiTestSupport {
    @Inject
    Sql sql;

    @Test
    void aProfileStoredWithoutTheRelativeMarginTakesTheModels() {
        String id = "old-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body("""
                {"id": "%s", "basedOn": "default", "name": "Stored long ago"}
                """.formatted(id))
                .post("/api/v1/profiles")
                .then()
                .statusCode(201);
        String doc = sql.one("select document from profile where id = ?", rs -> rs.getString(1), id)
                .orElseThrow();
        String old = doc.replaceAll(",?\"relativeStanceMargin\":[0-9.eE+-]+", "");
        assertFalse(old.contains("relativeStanceMargin"));
        assertEquals(1, sql.update("update profile set document = ? where id = ?", old, id));
        given().get("/api/v1/profiles/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("settings.relativeStanceMargin", equalTo(0.1))
                .body("settings.stanceMargin", equalTo(1.0));
        given().queryParam("profile", id)
                .get("/api/v1/backtests")
                .then()
                .statusCode(200)
                .body("profile", equalTo(id));
    }
}
