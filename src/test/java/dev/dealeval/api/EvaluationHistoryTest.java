package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Evaluations stored with the profile version used, read back unchanged, listed with filters; idempotent creation. */
@QuarkusTest
class EvaluationHistoryTest extends ApiTestSupport {
    @TestHTTPResource("/api/v1/evaluations")
    URI evaluationsUri;

    private static String newProfile() {
        String id = "h-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(ProfileCrudTest.body(id, 0.13, 0.40))
                .post("/api/v1/profiles")
                .then()
                .statusCode(201);
        return id;
    }

    private static String request(String profile, int reciprocal) {
        return "{\"scenario\": \"APR_2025\", \"profile\": \"" + profile
                + "\", \"bundle\": {\"usConcessions\": {\"reciprocalTariffPct\": " + reciprocal
                + "}, \"chinaMeasures\": {\"tariffPct\": 10}}}";
    }

    @Test
    void aStoredEvaluationReadsBackExactlyEvenAfterItsProfileChanged() {
        String profile = newProfile();
        Response created =
                given().contentType(ContentType.JSON).body(request(profile, 10)).post("/api/v1/evaluations");
        created.then()
                .statusCode(201)
                .header("Location", startsWith("/api/v1/evaluations/"))
                .body("id", notNullValue())
                .body("createdAt", notNullValue())
                .body("profile", equalTo(profile))
                .body("profileVersion", equalTo(1));
        String location = created.header("Location");
        String body = created.asString();
        assertEquals(
                body,
                given().get(location)
                        .then()
                        .statusCode(200)
                        .contentType("application/json")
                        .extract()
                        .asString());

        // Change the profile: the stored evaluation stays as computed; a new one uses version 2.
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(ProfileCrudTest.body(profile, 0.33, 0.20).replace("\"id\": \"" + profile + "\", ", ""))
                .put("/api/v1/profiles/" + profile)
                .then()
                .statusCode(200);
        assertEquals(
                body, given().get(location).then().statusCode(200).extract().asString());
        given().contentType(ContentType.JSON)
                .body(request(profile, 10))
                .post("/api/v1/evaluations")
                .then()
                .statusCode(201)
                .body("profileVersion", equalTo(2));
        given().get("/api/v1/evaluations/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void storedDeflatedWithTheModelScenarioAndProfileVersionsItWasComputedWith() throws Exception {
        String profile = newProfile();
        String scenario = ScenarioCrudTest.newId();
        given().contentType(ContentType.JSON)
                .body(ScenarioCrudTest.body(scenario, 15))
                .post("/api/v1/scenarios")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(ScenarioCrudTest.body(scenario, 20).replace("\"id\": \"" + scenario + "\", ", ""))
                .put("/api/v1/scenarios/" + scenario)
                .then()
                .statusCode(200);
        String modelVersion =
                given().get("/api/v1/terms").then().statusCode(200).extract().path("modelVersion");
        Response created = given().contentType(ContentType.JSON)
                .body(request(profile, 10).replace("\"scenario\": \"APR_2025\"", "\"scenario\": \"" + scenario + "\""))
                .post("/api/v1/evaluations");
        created.then().statusCode(201);
        String id = created.path("id");
        given().get("/api/v1/evaluations?profile=" + profile)
                .then()
                .statusCode(200)
                .body("items[0].modelVersion", equalTo(modelVersion))
                .body("items[0].scenario", equalTo(scenario))
                .body("items[0].scenarioVersion", equalTo(2))
                .body("items[0].profileVersion", equalTo(1));

        // In the table: the result deflated to a fraction of the answer, no text copy.
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT result, result_deflated, model_version, scenario_version FROM evaluation WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next());
                assertNull(r.getString("result"));
                byte[] deflated = r.getBytes("result_deflated");
                int answer = created.asString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                assertTrue(
                        deflated.length * 3 < answer,
                        deflated.length + " bytes stored for a " + answer + "-byte answer");
                assertEquals(modelVersion, r.getString("model_version"));
                assertEquals(2, r.getLong("scenario_version"));
            }
        }
        assertEquals(
                created.asString(),
                given().get("/api/v1/evaluations/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    @Test
    void anEvaluationStoredBeforeResultsWereDeflatedReadsBackAsStored() throws Exception {
        String profile = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
        String id = UUID.randomUUID().toString();
        String result = "{\"id\":\"" + id + "\",\"note\":\"stored as text\"}";
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO evaluation (id, created_at, profile_id, profile_version, scenario_id, verdict, us_surplus, cn_surplus, request, result) "
                                + "VALUES (?, ?, ?, 1, 'APR_2025', 'BOTH_REJECT', -1, -2, '{}', ?)")) {
            insert.setString(1, id);
            insert.setTimestamp(2, java.sql.Timestamp.from(Instant.now()));
            insert.setString(3, profile);
            insert.setString(4, result);
            insert.executeUpdate();
        }
        try {
            // The row holds a made-up result (not an EvaluationResponse): what is checked is that the text comes back
            // as
            // stored, so this answer is not held to the document.
            assertEquals(
                    result,
                    given().filter(ContractValidation.unchecked("a made-up stored result"))
                            .get("/api/v1/evaluations/" + id)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
            given().get("/api/v1/evaluations?profile=" + profile)
                    .then()
                    .statusCode(200)
                    .body("items[0].id", equalTo(id))
                    .body("items[0]", not(hasKey("modelVersion")))
                    .body("items[0]", not(hasKey("scenarioVersion")));
        } finally {
            // Not left for the tests that read back every stored evaluation (OpenApiFuzzTest), whose answers are
            // checked.
            try (Connection c = dataSource.getConnection();
                    PreparedStatement delete = c.prepareStatement("DELETE FROM evaluation WHERE id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void storeFalseComputesWithoutStoring() {
        String profile = newProfile();
        given().contentType(ContentType.JSON)
                .body(request(profile, 10))
                .post("/api/v1/evaluations?store=false")
                .then()
                .statusCode(200)
                .body("id", equalTo(null))
                .body("createdAt", equalTo(null));
        given().get("/api/v1/evaluations?profile=" + profile)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void theHistoryIsFilteredAndPagedNewestFirst() {
        String profile = newProfile();
        Instant before = Instant.now().minusSeconds(1);
        List<String> ids = new ArrayList<>();
        for (int reciprocal : new int[] {10, 125, 10, 125, 10}) {
            ids.add(given().contentType(ContentType.JSON)
                    .body(request(profile, reciprocal))
                    .post("/api/v1/evaluations")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        given().get("/api/v1/evaluations?profile=" + profile)
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("items", hasSize(5))
                .body("items[0].id", equalTo(ids.get(4)))
                .body("items.profile", everyItem(equalTo(profile)))
                .body("items[0].location", equalTo("/api/v1/evaluations/" + ids.get(4)));
        // Keeping 125% while China cuts to 10% gives China nothing: it rejects.
        given().get("/api/v1/evaluations?profile=" + profile + "&verdict=CHINA_REJECTS")
                .then()
                .body("total", equalTo(2));
        given().get("/api/v1/evaluations?profile=" + profile + "&verdict=AGREEMENT_LIKELY&scenario=APR_2025")
                .then()
                .body("total", equalTo(3));
        given().get("/api/v1/evaluations?profile=" + profile + "&from=" + before + "&to="
                        + Instant.now().plusSeconds(5))
                .then()
                .body("total", equalTo(5));
        given().get("/api/v1/evaluations?profile=" + profile + "&to=" + before)
                .then()
                .body("total", equalTo(0));
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(given().get("/api/v1/evaluations?profile=" + profile + "&size=2&page=" + page)
                    .then()
                    .extract()
                    .path("items.id"));
        }
        assertEquals(List.of(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0)), paged);
        given().get("/api/v1/evaluations?verdict=MAYBE")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("verdict"));
        given().get("/api/v1/evaluations?from=yesterday")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    void concurrentStoredEvaluationsAreEachStoredOnceAndReadBack() throws Exception {
        // Unkeyed stored evaluations go through the group-commit writer: many at once share transactions.
        String profile = newProfile();
        int n = 48;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<io.restassured.response.ExtractableResponse<Response>>> futures =
                    new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int reciprocal = i % 2 == 0 ? 10 : 125;
                futures.add(pool.submit(() -> given().contentType(ContentType.JSON)
                        .body(request(profile, reciprocal))
                        .post("/api/v1/evaluations")
                        .then()
                        .statusCode(201)
                        .extract()));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var f : futures) {
                var created = f.get();
                ids.add(created.path("id"));
                assertEquals(
                        created.asString(),
                        given().get(created.header("Location"))
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());
            }
            assertEquals(n, ids.size());
            given().get("/api/v1/evaluations?profile=" + profile).then().body("total", equalTo(n));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cursorPagingUnderInsertsNeitherRepeatsNorSkips() {
        String profile = newProfile();
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            existing.add(
                    0,
                    given().contentType(ContentType.JSON)
                            .body(request(profile, i % 2 == 0 ? 10 : 125))
                            .post("/api/v1/evaluations")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id"));
        }
        // Offset pages would shift under inserts; cursor pages go on from where the last one ended.
        List<String> seen = new ArrayList<>();
        String cursor = given().get("/api/v1/evaluations?profile=" + profile + "&size=4")
                .then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("total", equalTo(13))
                .extract()
                .path("nextCursor");
        seen.addAll(given().get("/api/v1/evaluations?profile=" + profile + "&size=4")
                .then()
                .extract()
                .path("items.id"));
        int pages = 1;
        while (cursor != null) {
            // Someone stores another evaluation between every two pages.
            given().contentType(ContentType.JSON)
                    .body(request(profile, 10))
                    .post("/api/v1/evaluations")
                    .then()
                    .statusCode(201);
            var page = given().get("/api/v1/evaluations?profile=" + profile + "&size=4&cursor=" + cursor)
                    .then()
                    .statusCode(200)
                    .body("page", equalTo(null))
                    .body("total", equalTo(null))
                    .extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        }
        assertEquals(existing, seen);
        assertEquals(4, pages);
        // The last page says so; a cursor that was not given out, or with a page number, is refused naming the field.
        given().get("/api/v1/evaluations?cursor=not-a-cursor")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("cursor"));
        given().get("/api/v1/evaluations?page=1&cursor="
                        + java.util.Base64.getUrlEncoder()
                                .encodeToString(
                                        (Instant.now() + "|x").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("page"));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherRequest() {
        String profile = newProfile();
        String key = UUID.randomUUID().toString();
        Response first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(request(profile, 10))
                .post("/api/v1/evaluations");
        first.then().statusCode(201);
        Response again = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(request(profile, 10))
                .post("/api/v1/evaluations");
        again.then().statusCode(201).header("Location", equalTo(first.header("Location")));
        assertEquals(first.asString(), again.asString());
        given().get("/api/v1/evaluations?profile=" + profile).then().body("total", equalTo(1));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(request(profile, 20))
                .post("/api/v1/evaluations")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dealeval:problem:idempotency-key-reused"));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "not a key")
                .body(request(profile, 20))
                .post("/api/v1/evaluations")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        // A failed request records nothing: the key stays free.
        String other = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", other)
                .body(request("nobody", 10))
                .post("/api/v1/evaluations")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", other)
                .body(request(profile, 10))
                .post("/api/v1/evaluations")
                .then()
                .statusCode(201);
    }

    @Test
    void aRetryReplaysEvenAfterTheProfileItUsedIsGone() {
        String profile = newProfile();
        String key = UUID.randomUUID().toString();
        Response first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(request(profile, 10))
                .post("/api/v1/evaluations");
        first.then().statusCode(201);
        given().header("If-Match", "\"1\"")
                .delete("/api/v1/profiles/" + profile)
                .then()
                .statusCode(204);
        Response retry = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(request(profile, 10))
                .post("/api/v1/evaluations");
        retry.then().statusCode(201);
        assertEquals(first.asString(), retry.asString());
        // Without the key the same request now fails: the profile is gone.
        given().contentType(ContentType.JSON)
                .body(request(profile, 10))
                .post("/api/v1/evaluations")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("profile"));
    }

    /** 20 identical POSTs with one key at the same moment: one row, 20 identical answers. */
    @Test
    void concurrentRepeatsCreateOneEvaluation() throws Exception {
        String profile = newProfile();
        String key = UUID.randomUUID().toString();
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                HttpRequest r = HttpRequest.newBuilder(evaluationsUri)
                        .timeout(java.time.Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(request(profile, 10)))
                        .build();
                return client.send(r, HttpResponse.BodyHandlers.ofString());
            }));
        }
        start.countDown();
        Set<String> bodies = new HashSet<>();
        Set<Integer> statuses = new HashSet<>();
        for (Future<HttpResponse<String>> f : futures) {
            HttpResponse<String> r = f.get();
            statuses.add(r.statusCode());
            bodies.add(r.body());
        }
        pool.shutdown();
        assertEquals(Set.of(201), statuses);
        assertEquals(1, bodies.size());
        given().get("/api/v1/evaluations?profile=" + profile).then().body("total", equalTo(1));
    }
}
