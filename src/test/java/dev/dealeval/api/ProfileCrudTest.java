package dev.dealeval.api;

import static dev.dealeval.api.ApiTestSupport.evaluate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Profiles stored in the database: create, read, conditional replace and delete, listing. */
@QuarkusTest
class ProfileCrudTest extends ApiTestSupport {
    @TestHTTPResource("/api/v1/profiles")
    URI profilesUri;

    static String body(String id, double hawksClout, double presidentClout) {
        return """
                {"id": "%s", "basedOn": "default", "name": "Hawks rising", "description": "More say for the hawks",
                 "sources": ["test"], "weights": {"US": {"nationalSecurity": 0.3}},
                 "factions": {"securityHawks": {"clout": %s}, "president": {"clout": %s}},
                 "credibility": {"trackRecords": {"agriculture": 0.7}}, "settings": {"stanceMargin": 0.5}}
                """.formatted(id, hawksClout, presidentClout);
    }

    static String newId() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createReadReplaceDelete() {
        String id = newId();
        given().contentType(ContentType.JSON)
                .body(body(id, 0.23, 0.30))
                .post("/api/v1/profiles")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/profiles/" + id))
                .header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("version", equalTo(1))
                .body("builtIn", is(false))
                .body("weights.US.nationalSecurity", equalTo(0.3))
                .body("weights.US.exportGains", equalTo(0.16))
                .body("factions.find { it.id == 'securityHawks' }.clout", equalTo(0.23))
                .body("credibility.trackRecords.agriculture", equalTo(0.7))
                .body("credibility.trackRecords.energy", equalTo(0.37))
                .body("settings.stanceMargin", equalTo(0.5));
        given().get("/api/v1/profiles/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Hawks rising"));

        // Evaluations name the profile and version used.
        evaluate("{\"profile\": \"" + id + "\", \"bundle\": {}}")
                .statusCode(200)
                .body("profile", equalTo(id))
                .body("profileVersion", equalTo(1));

        String replaced = body(id, 0.13, 0.40).replace("\"id\": \"" + id + "\", ", "");
        given().contentType(ContentType.JSON)
                .body(replaced)
                .put("/api/v1/profiles/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("title", equalTo("Precondition Required"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .body(replaced)
                .put("/api/v1/profiles/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(replaced)
                .put("/api/v1/profiles/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("factions.find { it.id == 'securityHawks' }.clout", equalTo(0.13));
        evaluate("{\"profile\": \"" + id + "\", \"bundle\": {}}")
                .statusCode(200)
                .body("profileVersion", equalTo(2));

        // If-Match: * means whatever is current (resolved inside the write, not by a read before it).
        given().contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(replaced)
                .put("/api/v1/profiles/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"3\"");
        given().header("If-Match", "\"2\"")
                .delete("/api/v1/profiles/" + id)
                .then()
                .statusCode(412);
        given().header("If-Match", "\"1\"")
                .delete("/api/v1/profiles/" + id)
                .then()
                .statusCode(412);
        given().delete("/api/v1/profiles/" + id).then().statusCode(428);
        given().header("If-Match", "\"3\"")
                .delete("/api/v1/profiles/" + id)
                .then()
                .statusCode(204);
        given().get("/api/v1/profiles/" + id).then().statusCode(404);
    }

    @Test
    void aProfileDeletedAndCreatedAgainUnderItsIdIsEvaluatedAsItIsNow() {
        String id = newId();
        String grand = "{\"profile\": \"" + id + "\", \"bundle\": {\"purchases\": {\"agricultureUsdBnPerYear\": 30}}}";
        given().contentType(ContentType.JSON)
                .body(body(id, 0.23, 0.30))
                .post("/api/v1/profiles")
                .then()
                .statusCode(201);
        double before = evaluate(grand).statusCode(200).extract().path("sides.US.utility");
        given().header("If-Match", "\"1\"")
                .delete("/api/v1/profiles/" + id)
                .then()
                .statusCode(204);
        // Again version 1, with a different U.S. weight: the answer must follow the new definition.
        given().contentType(ContentType.JSON)
                .body(body(id, 0.23, 0.30).replace("\"nationalSecurity\": 0.3", "\"nationalSecurity\": 0.05"))
                .post("/api/v1/profiles")
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"");
        double after = evaluate(grand)
                .statusCode(200)
                .body("profileVersion", equalTo(1))
                .extract()
                .path("sides.US.utility");
        org.junit.jupiter.api.Assertions.assertNotEquals(before, after);
    }

    @Test
    void builtInProfilesAreReadOnlyAndIdsAreUnique() {
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body("default", 0.13, 0.40).replace("\"id\": \"default\", ", ""))
                .put("/api/v1/profiles/default")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().header("If-Match", "\"1\"")
                .delete("/api/v1/profiles/default")
                .then()
                .statusCode(409);
        given().contentType(ContentType.JSON)
                .body(body("default", 0.13, 0.40))
                .post("/api/v1/profiles")
                .then()
                .statusCode(409);
        String id = newId();
        given().contentType(ContentType.JSON)
                .body(body(id, 0.13, 0.40))
                .post("/api/v1/profiles")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(body(id, 0.13, 0.40))
                .post("/api/v1/profiles")
                .then()
                .statusCode(409)
                .body("detail", equalTo("A profile with id '" + id + "' already exists; PUT to change it."));
    }

    @Test
    void aProfileIsValidatedAsAWholeBeforeAnythingIsWritten() {
        String id = newId();
        // Clouts no longer sum to 1: 0.40 + 0.15 + 0.12 + 0.5 + 0.05 + 0.15.
        given().contentType(ContentType.JSON)
                .body(body(id, 0.5, 0.40))
                .post("/api/v1/profiles")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("factions"))
                .body("violations[0].message", equalTo("the clout of US factions must sum to 1 (is 1.37)"));
        given().get("/api/v1/profiles/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(body(id, 0.13, 0.40).replace("nationalSecurity", "beauty"))
                .post("/api/v1/profiles")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("weights.US.beauty"));
        given().contentType(ContentType.JSON)
                .body(body(id, 0.13, 0.40).replace("0.3}}", "-1}}"))
                .post("/api/v1/profiles")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("weights.US.nationalSecurity"));
        given().contentType(ContentType.JSON)
                .body(body(id, 0.13, 0.40).replace("\"agriculture\": 0.7", "\"agriculture\": 1.7"))
                .post("/api/v1/profiles")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("credibility.trackRecords.agriculture"));
        given().contentType(ContentType.JSON)
                .body(body(id, 0.13, 0.40).replace("\"basedOn\": \"default\"", "\"basedOn\": \"nobody\""))
                .post("/api/v1/profiles")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("basedOn"));
        given().contentType(ContentType.JSON)
                .body(body("Bad Id", 0.13, 0.40))
                .post("/api/v1/profiles")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("id"));
        given().get("/api/v1/profiles/" + id).then().statusCode(404);
    }

    @Test
    void listingIsPagedInAStableOrder() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON)
                    .body(body("list-" + i + "-" + newId(), 0.13, 0.40))
                    .post("/api/v1/profiles")
                    .then()
                    .statusCode(201);
        }
        int total = given().get("/api/v1/profiles?size=100")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        List<String> all =
                given().get("/api/v1/profiles?size=100").then().extract().path("items.id");
        assertEquals(total, all.size());
        List<String> paged = new ArrayList<>();
        for (int page = 0; page * 2 < total; page++) {
            paged.addAll(given().get("/api/v1/profiles?size=2&page=" + page)
                    .then()
                    .statusCode(200)
                    .body("size", equalTo(2))
                    .body("total", equalTo(total))
                    .extract()
                    .path("items.id"));
        }
        assertEquals(all, paged);
        assertEquals(
                List.of("default", "economy-first-beijing", "hawkish-washington", "phase-one-skeptic"),
                all.subList(0, 4));
        given().get("/api/v1/profiles").then().body("size", equalTo(20)).body("items.id", hasItem("default"));
        given().get("/api/v1/profiles?size=101").then().statusCode(400).body("violations[0].field", equalTo("size"));
        given().get("/api/v1/profiles?page=-1").then().statusCode(400).body("violations[0].field", equalTo("page"));
    }

    /**
     * Paging while another client inserts: every profile that existed before paging began is seen
     * (inserts ahead of the page being read shift the window, so items can repeat, but none is hidden).
     */
    @Test
    void pagingWhileInsertingSkipsNothingThatExisted() throws Exception {
        for (int i = 0; i < 6; i++) {
            given().contentType(ContentType.JSON)
                    .body(body("pg-" + newId(), 0.13, 0.40))
                    .post("/api/v1/profiles")
                    .then()
                    .statusCode(201);
        }
        List<String> before =
                given().get("/api/v1/profiles?size=100").then().extract().path("items.id");
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .build();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<Integer> inserts = writer.submit(() -> {
            int n = 0;
            for (int i = 0; i < 10; i++) {
                String id = (i % 2 == 0 ? "a-" : "zz-") + newId();
                HttpRequest r = HttpRequest.newBuilder(profilesUri)
                        .timeout(java.time.Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", EDITOR_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(body(id, 0.13, 0.40)))
                        .build();
                n += client.send(r, HttpResponse.BodyHandlers.ofString()).statusCode() == 201 ? 1 : 0;
            }
            return n;
        });
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 200; page++) {
            List<String> ids = given().get("/api/v1/profiles?size=3&page=" + page)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.id");
            if (ids.isEmpty()) {
                break;
            }
            seen.addAll(ids);
        }
        assertEquals(10, inserts.get());
        writer.shutdown();
        for (String id : before) {
            org.junit.jupiter.api.Assertions.assertTrue(seen.contains(id), id + " was skipped");
        }
    }

    /** Two PUTs with the same ETag at the same moment: exactly one wins, the other gets 412, the version grows by one. */
    @Test
    void concurrentWritesWithTheSameEtagLetExactlyOneThrough() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .build();
        for (int round = 0; round < 5; round++) {
            String id = newId();
            given().contentType(ContentType.JSON)
                    .body(body(id, 0.13, 0.40))
                    .post("/api/v1/profiles")
                    .then()
                    .statusCode(201);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                double clout = w == 0 ? 0.23 : 0.33;
                String put = body(id, clout, 0.53 - clout).replace("\"id\": \"" + id + "\", ", "");
                results.add(pool.submit(() -> {
                    start.await();
                    HttpRequest r = HttpRequest.newBuilder(URI.create(profilesUri + "/" + id))
                            .timeout(java.time.Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("If-Match", "\"1\"")
                            .header("X-API-Key", EDITOR_KEY)
                            .PUT(HttpRequest.BodyPublishers.ofString(put))
                            .build();
                    return client.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : results) {
                codes.add(f.get());
            }
            pool.shutdown();
            codes.sort(Integer::compare);
            assertEquals(List.of(200, 412), codes, "round " + round);
            given().get("/api/v1/profiles/" + id)
                    .then()
                    .header("ETag", "\"2\"")
                    .body("version", equalTo(2))
                    .body("factions.clout.sum()", closeTo(2.0, 1e-9));
        }
    }

    @Test
    void anIdempotencyKeyMakesCreationSafeToRetry() {
        String id = newId();
        String key = UUID.randomUUID().toString();
        var first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body(id, 0.13, 0.40))
                .post("/api/v1/profiles");
        first.then().statusCode(201);
        var again = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body(id, 0.13, 0.40))
                .post("/api/v1/profiles");
        again.then().statusCode(201).header("ETag", "\"1\"").header("Location", equalTo(first.header("Location")));
        assertEquals(first.asString(), again.asString());
        // Without the key the same POST is a conflict; with the key and another body, 422.
        given().contentType(ContentType.JSON)
                .body(body(id, 0.13, 0.40))
                .post("/api/v1/profiles")
                .then()
                .statusCode(409);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body(id, 0.23, 0.30))
                .post("/api/v1/profiles")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void writesNeedAJsonBody() {
        given().contentType(ContentType.JSON)
                .post("/api/v1/profiles")
                .then()
                .statusCode(400)
                .body("violations", hasSize(1));
    }
}
