package dev.dealeval.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A client without a key stores evaluations within its quota; past it 429 with Retry-After; a key or store=false is not counted. */
@QuarkusTest
@TestProfile(ScarceResources.class)
class AnonymousStoreQuotaApiTest extends ApiTestSupport {
    private static RawHttp.Answer post(String query, String key) throws Exception {
        String body = "{\"bundle\": {}}";
        return ContractValidation.checked(
                "POST",
                "/api/v1/evaluations" + query,
                RawHttp.send(
                        RawHttp.port(),
                        ("POST /api/v1/evaluations" + query
                                        + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                        + (key == null ? "" : "X-API-Key: " + key + "\r\n") + "Content-Length: "
                                        + body.length() + "\r\n\r\n" + body)
                                .getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void anonymousStoresAreLimitedPerClient() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(201, post("", null).status());
        }
        RawHttp.Answer refused = post("", null);
        assertEquals(429, refused.status(), refused.toString());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), refused.toString());
        assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0, refused.toString());
        assertTrue(refused.body().contains("anonymous-stores-per-minute"), refused.toString());
        // Computing without storing, and storing with a key, are not counted.
        assertEquals(200, post("?store=false", null).status());
        assertEquals(201, post("", READER_KEY).status());
    }
}
