package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request not answered within dealeval.limits.request-timeout gets 503 problem+json; the service goes on. */
@QuarkusTest
@TestProfile(RequestTimeoutTest.Short.class)
class RequestTimeoutTest extends ApiTestSupport {
    public static class Short implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dealeval.limits.request-timeout", "100ms");
        }
    }

    @Test
    void aRequestOverTheTimeoutIs503AndTheNextOneIsServed() {
        // The whole default space, 1,152,000 bundles: several hundred milliseconds.
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/searches")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:dealeval:problem:timeout"))
                .body("detail", containsString("100 ms"));
        management().get("/q/health/live").then().statusCode(200);
    }
}
