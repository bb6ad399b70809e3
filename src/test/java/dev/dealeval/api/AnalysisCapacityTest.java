package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With one turn for heavy analyses, a second search, a counteroffer, a robustness run or the backtest's first
 * out-of-fold figures,
 * while one runs, gets a quick 503 with Retry-After, then succeeds later; requests for figures being computed share
 * that computation.
 */
@QuarkusTest
@TestProfile(ScarceResources.class)
class AnalysisCapacityTest extends ApiTestSupport {
    /** Default ten terms times three yes/no terms: 9,216,000 bundles, a second or two. */
    private static final String BIG = "{\"terms\": ["
            + String.join(
                    ",",
                    java.util.stream.Stream.of(
                                    "purchases.agricultureUsdBnPerYear",
                                    "purchases.energyUsdBnPerYear",
                                    "purchases.manufacturedUsdBnPerYear",
                                    "investment.jobs",
                                    "fentanyl.level",
                                    "tiktok.structure",
                                    "usConcessions.reciprocalTariffPct",
                                    "usConcessions.fentanylTariffPct",
                                    "usConcessions.exportControlLevel",
                                    "usConcessions.standstillMonths",
                                    "geopolitics.northKorea",
                                    "geopolitics.nuclearDialogue",
                                    "purchases.catchUpProvision")
                            .map(t -> "{\"term\": \"" + t + "\"}")
                            .toList())
            + "], \"frontierLimit\": 1}";

    private static final String SMALL = "{\"terms\": [{\"term\": \"fentanyl.level\"}]}";

    private static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/searches");
    }

    @Test
    void aSecondHeavyAnalysisWhileOneRunsIsRefusedQuicklyThenServed() throws Exception {
        refusedWhileABigSearchRuns(() -> post(SMALL));
        assertEquals(200, post(SMALL).statusCode(), "served once the turn is free");
        given().contentType(ContentType.JSON)
                .body("{\"bundles\": [{\"bundle\": {}}]}")
                .post("/api/v1/comparisons")
                .then()
                .statusCode(200);
    }

    /** A robustness run takes a turn too (docs/hostile-clients.md). */
    @Test
    void aRobustnessRunWhileASearchRunsIsRefusedQuicklyThenServed() throws Exception {
        refusedWhileABigSearchRuns(() -> given().get("/api/v1/backtests/robustness"));
        given().get("/api/v1/backtests/robustness").then().statusCode(200);
    }

    /** A counteroffer request scores every pair of term changes (up to some 400,000 bundles): it takes a turn. */
    @Test
    void aCounterofferWhileASearchRunsIsRefusedQuicklyThenServed() throws Exception {
        String body = "{\"bundle\": {\"purchases\": {\"agricultureUsdBnPerYear\": 8}}, \"limit\": 1}";
        refusedWhileABigSearchRuns(
                () -> given().contentType(ContentType.JSON).body(body).post("/api/v1/counteroffers"));
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/counteroffers")
                .then()
                .statusCode(200);
    }

    /**
     * The backtest's out-of-fold figures (leave-one-out refits once per episode) take a turn the first time a
     * profile is asked for; each attempt asks for a profile stored just before, so that none is cached.
     */
    @Test
    void theBacktestsFirstOutOfFoldFiguresWhileASearchRunsAreRefusedQuickly() throws Exception {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        refusedWhileABigSearchRuns(() -> {
            String id = "capacity-" + n.incrementAndGet();
            storeProfile(id);
            return given().queryParam("profile", id).get("/api/v1/backtests");
        });
    }

    /**
     * Requests that ask at once for out-of-fold figures not yet computed wait for one computation instead of
     * each starting its own: the timer of out-of-fold runs counts one more, and every request is answered
     * with the same figures (the one turn and no wait of this configuration would refuse a second computation).
     */
    @Test
    void concurrentRequestsForTheSameOutOfFoldFiguresShareOneComputation() throws Exception {
        storeProfile("shared-figures");
        double before = outOfFoldRuns();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Response>>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(
                        () -> given().queryParam("profile", "shared-figures").get("/api/v1/backtests")));
            }
            java.util.Set<String> figures = new java.util.HashSet<>();
            for (var a : answers) {
                Response r = a.get(120, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.asString());
                figures.add(r.jsonPath().getString("outOfFold").toString());
            }
            assertEquals(1, figures.size(), "the same figures for every request");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 1, outOfFoldRuns(), "one computation for the six requests");
    }

    /** Stores a profile named id (the default's weights), whose backtest nothing has computed yet. */
    private static void storeProfile(String id) {
        given().contentType(ContentType.JSON)
                .body("{\"id\": \"" + id + "\", \"name\": \"" + id + "\"}")
                .post("/api/v1/profiles")
                .then()
                .statusCode(201);
    }

    /** How many out-of-fold computations have run: the count of dealeval_analysis_seconds{kind="out-of-fold"}. */
    private static double outOfFoldRuns() {
        String metrics =
                management().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(?m)^dealeval_analysis_seconds_count\\{[^}]*kind=\"out-of-fold\"[^}]*\\} (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /**
     * Runs the big search (retrying while a turn is taken) and sends {@code request} until one is
     * refused while the big search still holds the turn: a quick 503 with Retry-After.
     */
    private static void refusedWhileABigSearchRuns(java.util.function.Supplier<Response> request) throws Exception {
        // the big search may itself meet a small request holding the turn: it tries again until it gets it
        java.util.concurrent.atomic.AtomicLong bigDone = new java.util.concurrent.atomic.AtomicLong();
        CompletableFuture<Integer> big = CompletableFuture.supplyAsync(() -> {
            int status;
            do {
                status = post(BIG).statusCode();
            } while (status == 503);
            bigDone.set(System.nanoTime());
            return status;
        });
        Response refused = null;
        long refusedAt = 0;
        while (!big.isDone() && refused == null) {
            Response r = request.get();
            if (r.statusCode() == 503) {
                refused = r;
                refusedAt = System.nanoTime();
            } else {
                assertEquals(200, r.statusCode(), r.asString());
            }
        }
        assertEquals(200, big.get(60, TimeUnit.SECONDS));
        assertTrue(refused != null, "a request during the big search is refused");
        refused.then()
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", org.hamcrest.Matchers.equalTo("urn:dealeval:problem:busy"))
                .body("detail", org.hamcrest.Matchers.containsString("already running"));
        // Refused while the big search still held the turn: it did not wait for it (the order of events,
        // not a wall-clock limit, which a loaded machine could break).
        assertTrue(refusedAt < bigDone.get(), "refused while the big search ran, not after queueing for the turn");
    }
}
