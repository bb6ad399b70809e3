package dev.dealeval.api;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.client.api.BacktestApi;
import dev.dealeval.client.api.DealSpaceApi;
import dev.dealeval.client.api.DomainsApi;
import dev.dealeval.client.api.EvaluationApi;
import dev.dealeval.client.api.ModelApi;
import dev.dealeval.client.api.NegotiationApi;
import dev.dealeval.client.invoker.ApiClient;
import dev.dealeval.client.invoker.ApiException;
import dev.dealeval.client.invoker.ApiResponse;
import dev.dealeval.client.model.BacktestEpisode;
import dev.dealeval.client.model.BacktestEpisodeResponse;
import dev.dealeval.client.model.BacktestResponse;
import dev.dealeval.client.model.Bundle;
import dev.dealeval.client.model.ChinaMeasures;
import dev.dealeval.client.model.ComparisonRequest;
import dev.dealeval.client.model.ComparisonResponse;
import dev.dealeval.client.model.CounterofferRequest;
import dev.dealeval.client.model.CounterofferResponse;
import dev.dealeval.client.model.CredibilityChanges;
import dev.dealeval.client.model.DomainList;
import dev.dealeval.client.model.DomainParty;
import dev.dealeval.client.model.DomainRequest;
import dev.dealeval.client.model.DomainResponse;
import dev.dealeval.client.model.Episode;
import dev.dealeval.client.model.EpisodeDecision;
import dev.dealeval.client.model.EpisodeSetList;
import dev.dealeval.client.model.EpisodeSetRequest;
import dev.dealeval.client.model.EpisodeSetResponse;
import dev.dealeval.client.model.EvaluateRequest;
import dev.dealeval.client.model.EvaluationList;
import dev.dealeval.client.model.EvaluationResponse;
import dev.dealeval.client.model.EvaluationSummary;
import dev.dealeval.client.model.EvaluationSummaryView;
import dev.dealeval.client.model.FactionOverride;
import dev.dealeval.client.model.FactionProfile;
import dev.dealeval.client.model.FieldViolation;
import dev.dealeval.client.model.FitRequest;
import dev.dealeval.client.model.FitResponse;
import dev.dealeval.client.model.FoundBundle;
import dev.dealeval.client.model.GeniusExportResponse;
import dev.dealeval.client.model.IssueKind;
import dev.dealeval.client.model.NamedStrategy;
import dev.dealeval.client.model.Objective;
import dev.dealeval.client.model.ProblemDetail;
import dev.dealeval.client.model.ProfileList;
import dev.dealeval.client.model.ProfileRequest;
import dev.dealeval.client.model.ProfileResponse;
import dev.dealeval.client.model.Purchases;
import dev.dealeval.client.model.RankedBundle;
import dev.dealeval.client.model.RobustnessResponse;
import dev.dealeval.client.model.ScenarioList;
import dev.dealeval.client.model.ScenarioRequest;
import dev.dealeval.client.model.ScenarioResponse;
import dev.dealeval.client.model.SearchRequest;
import dev.dealeval.client.model.SearchResponse;
import dev.dealeval.client.model.SensitivityRequest;
import dev.dealeval.client.model.SensitivityResponse;
import dev.dealeval.client.model.SettingsChanges;
import dev.dealeval.client.model.Side;
import dev.dealeval.client.model.SideResult;
import dev.dealeval.client.model.SideSummary;
import dev.dealeval.client.model.SimulationKind;
import dev.dealeval.client.model.SimulationRequest;
import dev.dealeval.client.model.SimulationResponse;
import dev.dealeval.client.model.Stance;
import dev.dealeval.client.model.Strategies;
import dev.dealeval.client.model.StrategyRequest;
import dev.dealeval.client.model.TermCatalog;
import dev.dealeval.client.model.TermDescriptor;
import dev.dealeval.client.model.ThreatRequest;
import dev.dealeval.client.model.TournamentRequest;
import dev.dealeval.client.model.TournamentResponse;
import dev.dealeval.client.model.UsConcessions;
import dev.dealeval.client.model.Verdict;
import dev.dealeval.client.model.VetoKind;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service as its users meet it: through the Java client that openapi-generator 7.25.0 (library
 * {@code native}) generates at build time from the committed {@code openapi/openapi.json}
 * (target/generated-test-sources/openapi, see pom.xml). Every operation of the document is called
 * through the generated API classes against the running service and its answer is checked through
 * the generated models' typed fields; the last test fails if an operationId of the document was not
 * called.
 *
 * <p>The client reads answers strictly: a field the document does not declare fails the
 * deserialization, and every field the document marks required must be present
 * ({@link #assertRequiredPresent}).
 *
 * <p>Where the generator itself falls short (a limitation of openapi-generator, not of the
 * document), the test asserts the failure as it is, under a {@code KNOWN DEFECT} comment, so that
 * it fails once the generator is fixed.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedClientTest {
    private static final Path DOCUMENT_PATH = Path.of("openapi/openapi.json");
    private static final JsonNode DOCUMENT = readDocument();
    private static final List<Route> ROUTES = routes(DOCUMENT);

    /** The operations the generated client called, as the service saw them (method and path matched to the document). */
    private static final Set<String> CALLED = ConcurrentHashMap.newKeySet();
    /** Fields the document marks required that an answer left out: schema.field → where it was first seen. */
    private static final Map<String, String> MISSING_REQUIRED = new ConcurrentHashMap<>();
    /** The statuses each operation answered the generated client. */
    private static final Map<String, Set<Integer>> STATUSES = new ConcurrentHashMap<>();
    /** The last answer to each operation: status and Content-Type, recorded by the client's response interceptor. */
    private static final Map<String, String> LAST_ANSWER = new ConcurrentHashMap<>();

    /**
     * The generated client's mapper, but strict: an answer holding a field the document does not
     * declare fails to deserialize (the generated default ignores unknown fields). Requests are
     * written as the generated default writes them, unset lists and maps included as [] and {}.
     */
    private static final ObjectMapper STRICT =
            ApiClient.createDefaultObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static final String LAPTOP = "genius/anac/y2011/Laptop/";

    @TestHTTPResource("/")
    URI root;

    record Route(String method, Pattern path, int variables, String operationId) {}

    // ---------------------------------------------------------------- evaluations

    @Test
    @Order(1)
    void evaluateBothViewsStoreReadAndList() throws Exception {
        EvaluationApi evaluations = new EvaluationApi(client(null));
        // The genevaTruce example, written with the generated models.
        EvaluateRequest geneva = new EvaluateRequest()
                .scenario("APR_2025")
                .bundle(new Bundle()
                        .usConcessions(
                                new UsConcessions().reciprocalTariffPct(10.0).standstillMonths(3))
                        .chinaMeasures(new ChinaMeasures().tariffPct(10.0)));

        ApiResponse<EvaluationResponse> computed = evaluations.evaluateBundleWithHttpInfo(geneva, false, null);
        assertEquals(200, computed.getStatusCode());
        EvaluationResponse explained = computed.getData();
        assertRequiredPresent(explained, "evaluateBundle");
        assertEquals("APR_2025", explained.getScenario());
        assertEquals("default", explained.getProfile());
        assertEquals(Set.of("US", "CN"), explained.getSides().keySet());
        for (Map.Entry<String, SideResult> side : explained.getSides().entrySet()) {
            SideResult s = side.getValue();
            assertProbability(s.getRatificationProbability(), side.getKey() + " ratificationProbability");
            assertEquals(s.getUtility() - s.getNoDealUtility(), s.getSurplus(), 1e-9, side.getKey() + " surplus");
            assertFalse(s.getCriteria().isEmpty(), side.getKey() + " criteria");
            assertFalse(s.getFactions().isEmpty(), side.getKey() + " factions");
            s.getFactions().forEach(f -> assertInstanceOf(Stance.class, f.getStance(), f.getId()));
        }
        assertInstanceOf(Verdict.class, explained.getJoint().getVerdict());
        assertProbability(explained.getJoint().getAgreementProbability(), "agreementProbability");
        assertEquals(
                explained.getJoint().getZopa(),
                explained.getSides().get("US").getSurplus() > 0
                        && explained.getSides().get("CN").getSurplus() > 0);

        // The compact view: the same numbers without the explanations.
        EvaluationSummaryView summary = evaluations.evaluateBundleSummary(geneva);
        assertRequiredPresent(summary, "evaluateBundleSummary");
        assertEquals(explained.getScenario(), summary.getScenario());
        assertEquals(explained.getProfileVersion(), summary.getProfileVersion());
        assertEquals(explained.getSides().keySet(), summary.getSides().keySet());
        for (String side : summary.getSides().keySet()) {
            SideResult e = explained.getSides().get(side);
            SideSummary s = summary.getSides().get(side);
            assertEquals(e.getUtility(), s.getUtility(), side);
            assertEquals(e.getNoDealUtility(), s.getNoDealUtility(), side);
            assertEquals(e.getSurplus(), s.getSurplus(), side);
            assertEquals(e.getRatified(), s.getRatified(), side);
            assertEquals(e.getRatificationProbability(), s.getRatificationProbability(), side);
        }
        assertEquals(explained.getJoint().getVerdict(), summary.getJoint().getVerdict());
        assertEquals(explained.getJoint().getNashProduct(), summary.getJoint().getNashProduct());
        assertEquals(explained.getJoint().getWelfare(), summary.getJoint().getWelfare());
        assertEquals(
                explained.getJoint().getAgreementProbability(),
                summary.getJoint().getAgreementProbability());
        assertEquals(
                explained.getCredibility().getFactor(), summary.getCredibility().getFactor());
        assertEquals(
                explained.getCredibility().getCredibleUsdBnPerYear(),
                summary.getCredibility().getCredibleUsdBnPerYear());
        // ... and what the document's genevaTruceSummary example shows.
        assertEquals(STRICT.treeToValue(example("genevaTruceSummary"), EvaluationSummaryView.class), summary);

        // Stored: 201, Location and the evaluation's id; a retry with the same Idempotency-Key gives the same
        // evaluation.
        String key = UUID.randomUUID().toString();
        ApiResponse<EvaluationResponse> stored = evaluations.evaluateBundleWithHttpInfo(geneva, true, key);
        assertEquals(201, stored.getStatusCode());
        String id = stored.getData().getId();
        assertNotNull(id);
        assertNotNull(stored.getData().getCreatedAt());
        assertTrue(header(stored, "Location").endsWith("/api/v1/evaluations/" + id), header(stored, "Location"));
        assertEquals(id, evaluations.evaluateBundle(geneva, true, key).getId());

        EvaluationResponse read = evaluations.getEvaluation(id);
        assertRequiredPresent(read, "getEvaluation");
        assertEquals(id, read.getId());
        assertEquals(
                explained.getSides().get("US").getSurplus(),
                read.getSides().get("US").getSurplus());
        assertEquals(explained.getJoint().getVerdict(), read.getJoint().getVerdict());

        EvaluationList list = evaluations.listEvaluations(
                null,
                read.getCreatedAt(),
                null,
                "default",
                "APR_2025",
                100,
                null,
                explained.getJoint().getVerdict().getValue());
        assertRequiredPresent(list, "listEvaluations");
        EvaluationSummary item = list.getItems().stream()
                .filter(i -> id.equals(i.getId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("evaluation " + id + " not listed: " + list));
        assertEquals(explained.getJoint().getVerdict().getValue(), item.getVerdict());
        assertEquals(explained.getSides().get("CN").getSurplus(), item.getCnSurplus());
        assertTrue(item.getLocation().endsWith("/api/v1/evaluations/" + id), item.getLocation());
        assertTrue(list.getTotal() >= 1);

        ApiException missing = assertThrows(
                ApiException.class,
                () -> evaluations.getEvaluation(UUID.randomUUID().toString()));
        assertEquals(404, problem(missing).getStatus());
    }

    @Test
    @Order(2)
    void anInvalidBundleIsAProblemNamingTheField() throws Exception {
        EvaluationApi evaluations = new EvaluationApi(client(null));
        EvaluateRequest invalid = new EvaluateRequest()
                .scenario("GENEVA_2025")
                .bundle(new Bundle().purchases(new Purchases().agricultureUsdBnPerYear(-5.0)));
        ApiException e = assertThrows(ApiException.class, () -> evaluations.evaluateBundle(invalid, false, null));
        assertEquals(400, e.getCode());
        assertTrue(
                e.getResponseHeaders().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                e.getResponseHeaders().toString());
        ProblemDetail problem = problem(e);
        assertEquals(400, problem.getStatus());
        assertNotNull(problem.getTitle());
        assertTrue(
                problem.getViolations().stream()
                        .map(FieldViolation::getField)
                        .anyMatch(f -> f.endsWith("purchases.agricultureUsdBnPerYear")),
                problem.toString());
        // The compact view refuses it the same way.
        ApiException summary = assertThrows(ApiException.class, () -> evaluations.evaluateBundleSummary(invalid));
        assertEquals(problem.getViolations(), problem(summary).getViolations());
    }

    // ---------------------------------------------------------------- profiles, scenarios, domains

    @Test
    @Order(3)
    void profilesCreateReadReplaceListDelete() throws Exception {
        ModelApi model = new ModelApi(client(ApiTestSupport.EDITOR_KEY));
        String id = "gc-" + UUID.randomUUID().toString().substring(0, 8);
        ProfileRequest request = new ProfileRequest()
                .id(id)
                .basedOn("default")
                .name("Hawks rising")
                .description("More say for the hawks")
                .sources(List.of("GeneratedClientTest"))
                .weights(Map.of("US", Map.of("nationalSecurity", 0.3)))
                .factions(Map.of(
                        "securityHawks",
                        new FactionOverride().clout(0.23),
                        "president",
                        new FactionOverride().clout(0.30)))
                .credibility(new CredibilityChanges().trackRecords(Map.of("agriculture", 0.7)))
                .settings(new SettingsChanges().stanceMargin(0.5));

        // Writes need a key: none is 401, a reader's is 403, both as problems.
        assertEquals(
                401,
                problem(assertThrows(ApiException.class, () -> new ModelApi(client(null)).createProfile(request, null)))
                        .getStatus());
        assertEquals(
                403,
                problem(assertThrows(
                                ApiException.class,
                                () -> new ModelApi(client(ApiTestSupport.READER_KEY)).createProfile(request, null)))
                        .getStatus());

        ApiResponse<ProfileResponse> created =
                model.createProfileWithHttpInfo(request, UUID.randomUUID().toString());
        assertEquals(201, created.getStatusCode());
        assertTrue(header(created, "Location").endsWith("/api/v1/profiles/" + id), header(created, "Location"));
        assertEquals("\"1\"", header(created, "ETag"));
        ProfileResponse p = created.getData();
        assertRequiredPresent(p, "createProfile");
        assertEquals(id, p.getId());
        assertEquals(1L, p.getVersion());
        assertFalse(p.getBuiltIn());
        assertEquals(0.3, p.getWeights().get("US").get("nationalSecurity"));
        assertEquals(0.23, faction(p, "securityHawks").getClout());
        assertEquals(Side.US, faction(p, "securityHawks").getSide());
        assertEquals(0.7, p.getCredibility().getTrackRecords().get("agriculture"));
        assertEquals(0.5, p.getSettings().getStanceMargin());

        ApiResponse<ProfileResponse> got = model.getProfileWithHttpInfo(id);
        assertEquals("\"1\"", header(got, "ETag"));
        assertEquals("Hawks rising", got.getData().getName());

        // Congress has a SCOPED veto: changing its clout keeps its scope.
        ProfileRequest congress = request.id(null)
                .factions(Map.of(
                        "congress", new FactionOverride().clout(0.2), "president", new FactionOverride().clout(0.35)));

        // Replace: 428 without If-Match, 412 with a stale one, 200 with the ETag the client read.
        assertEquals(
                428,
                problem(assertThrows(ApiException.class, () -> model.replaceProfile(id, congress, null)))
                        .getStatus());
        assertEquals(
                412,
                problem(assertThrows(ApiException.class, () -> model.replaceProfile(id, congress, "\"7\"")))
                        .getStatus());
        ApiResponse<ProfileResponse> replaced = model.replaceProfileWithHttpInfo(id, congress, header(got, "ETag"));
        assertEquals(200, replaced.getStatusCode());
        assertEquals("\"2\"", header(replaced, "ETag"));
        assertEquals(2L, replaced.getData().getVersion());
        assertEquals(0.2, faction(replaced.getData(), "congress").getClout());
        assertEquals(VetoKind.SCOPED, faction(replaced.getData(), "congress").getVeto());
        assertFalse(faction(replaced.getData(), "congress").getVetoScope().isEmpty());

        // An evaluation names the profile's version.
        EvaluationResponse evaluated = new EvaluationApi(client(null))
                .evaluateBundle(new EvaluateRequest().profile(id).bundle(new Bundle()), false, null);
        assertEquals(id, evaluated.getProfile());
        assertEquals(2L, evaluated.getProfileVersion());

        ProfileList list = model.listProfiles(0, 100);
        assertRequiredPresent(list, "listProfiles");
        assertTrue(list.getItems().stream().anyMatch(i -> i.getId().equals(id)), "listed");
        assertTrue(
                list.getItems().stream().anyMatch(i -> i.getId().equals("default") && i.getBuiltIn()),
                "default listed");

        ModelApi deleting = model;
        assertEquals(
                428,
                problem(assertThrows(ApiException.class, () -> deleting.deleteProfile(id, null)))
                        .getStatus());
        assertEquals(
                412,
                problem(assertThrows(ApiException.class, () -> deleting.deleteProfile(id, "\"1\"")))
                        .getStatus());
        ApiResponse<Void> deleted = deleting.deleteProfileWithHttpInfo(id, header(replaced, "ETag"));
        assertEquals(204, deleted.getStatusCode());
        assertEquals(
                404,
                problem(assertThrows(ApiException.class, () -> model.getProfile(id)))
                        .getStatus());
    }

    @Test
    @Order(4)
    void scenariosCreateReadReplaceListDelete() throws Exception {
        ModelApi model = new ModelApi(client(ApiTestSupport.EDITOR_KEY));
        String id = "GC_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ScenarioRequest request = new ScenarioRequest()
                .id(id)
                .basedOn("POST_RULING_2026")
                .name("Surcharge at 15% — §122")
                .date("2026-03-01")
                .values(Map.of("usConcessions.reciprocalTariffPct", 15))
                .threats(List.of(new ThreatRequest()
                        .term("usConcessions.reciprocalTariffPct")
                        .value(25.0)
                        .probability(0.2)
                        .description("Section 301 case")))
                .sources(List.of("GeneratedClientTest"));

        ApiResponse<ScenarioResponse> created = model.createScenarioWithHttpInfo(request, null);
        assertEquals(201, created.getStatusCode());
        assertTrue(header(created, "Location").endsWith("/api/v1/scenarios/" + id), header(created, "Location"));
        assertEquals("\"1\"", header(created, "ETag"));
        ScenarioResponse s = created.getData();
        assertRequiredPresent(s, "createScenario");
        assertEquals(1L, s.getVersion());
        // The generated client decodes answers with the platform charset (new String(bytes)): on Java 17 under a
        // POSIX locale that is US-ASCII and non-ASCII text comes back mangled (a generator defect, not the service's).
        if (java.nio.charset.Charset.defaultCharset().equals(StandardCharsets.UTF_8)) {
            assertEquals("Surcharge at 15% — §122", s.getName());
        }
        assertFalse(s.getBuiltIn());
        assertEquals(15.0, ((Number) s.getValues().get("usConcessions.reciprocalTariffPct")).doubleValue());
        // 15% now, 25% threatened at 0.2: 17% expected without a deal.
        assertEquals(17.0, ((Number) s.getNoDealBundle().get("usConcessions.reciprocalTariffPct")).doubleValue(), 1e-9);
        assertEquals(Set.of("US", "CN"), s.getNoDealUtility().keySet());
        assertEquals(1, s.getThreats().size());

        ApiResponse<ScenarioResponse> got = model.getScenarioWithHttpInfo(id);
        assertEquals("\"1\"", header(got, "ETag"));
        assertEquals(s.getNoDealUtility(), got.getData().getNoDealUtility());

        // No deal in it is surplus 0 for both sides.
        EvaluationResponse noDeal = new EvaluationApi(client(null))
                .evaluateBundle(new EvaluateRequest().scenario(id).bundle(new Bundle()), false, null);
        assertEquals(0.0, noDeal.getSides().get("US").getSurplus());
        assertEquals(0.0, noDeal.getSides().get("CN").getSurplus());

        ScenarioRequest lower =
                request.id(null).name("Surcharge at 10%").values(Map.of("usConcessions.reciprocalTariffPct", 10));
        assertEquals(
                428,
                problem(assertThrows(ApiException.class, () -> model.replaceScenario(id, lower, null)))
                        .getStatus());
        assertEquals(
                412,
                problem(assertThrows(ApiException.class, () -> model.replaceScenario(id, lower, "\"5\"")))
                        .getStatus());
        ApiResponse<ScenarioResponse> replaced = model.replaceScenarioWithHttpInfo(id, lower, header(got, "ETag"));
        assertEquals(200, replaced.getStatusCode());
        assertEquals("\"2\"", header(replaced, "ETag"));
        assertEquals(
                10.0, ((Number) replaced.getData().getValues().get("usConcessions.reciprocalTariffPct")).doubleValue());

        ScenarioList list = model.listScenarios(0, 100);
        assertRequiredPresent(list, "listScenarios");
        assertTrue(list.getItems().stream().anyMatch(i -> i.getId().equals(id)), "listed");
        assertTrue(
                list.getItems().stream().anyMatch(i -> i.getId().equals("GENEVA_2025") && i.getBuiltIn()),
                "built-ins listed");

        ModelApi deleting = model;
        assertEquals(
                428,
                problem(assertThrows(ApiException.class, () -> deleting.deleteScenario(id, null)))
                        .getStatus());
        assertEquals(
                412,
                problem(assertThrows(ApiException.class, () -> deleting.deleteScenario(id, "\"1\"")))
                        .getStatus());
        assertEquals(
                204,
                deleting.deleteScenarioWithHttpInfo(id, header(replaced, "ETag"))
                        .getStatusCode());
        assertEquals(
                404,
                problem(assertThrows(ApiException.class, () -> model.getScenario(id)))
                        .getStatus());
    }

    @Test
    @Order(5)
    void domainsImportReadExportReplaceListDelete() throws Exception {
        DomainsApi domains = new DomainsApi(client(ApiTestSupport.EDITOR_KEY));
        String id = "gc-laptop-" + UUID.randomUUID().toString().substring(0, 8);

        // The multipart form: the GENIUS files as they are on disk.
        ApiResponse<DomainResponse> imported = domains.importDomainWithHttpInfo(
                UUID.randomUUID().toString(),
                id,
                "Laptop (ANAC 2011)",
                "ANAC 2011 – Genève",
                file("laptop_domain.xml"),
                file("laptop_buyer_utility.xml"),
                file("laptop_seller_utility.xml"),
                "buyer",
                "seller");
        assertEquals(201, imported.getStatusCode());
        assertTrue(header(imported, "Location").endsWith("/api/v1/domains/" + id), header(imported, "Location"));
        assertEquals("\"1\"", header(imported, "ETag"));
        DomainResponse d = imported.getData();
        assertRequiredPresent(d, "importDomain");
        assertEquals(27L, d.getOutcomeCount());
        // KNOWN DEFECT (generator, native library): the multipart form's text fields are sent as text/plain in
        // ISO-8859-1 (httpmime's addTextBody default), so a character outside Latin-1 arrives as '?'.
        assertEquals(
                "ANAC 2011 ? Genève",
                d.getDescription(),
                "the multipart text defect is fixed: expect the text as sent");
        assertEquals(
                List.of("Laptop", "Harddisk", "External Monitor"),
                d.getIssues().stream().map(i -> i.getName()).toList());
        assertEquals(List.of("Dell", "Macintosh", "HP"), d.getIssues().get(0).getValues());
        assertEquals(IssueKind.DISCRETE, d.getIssues().get(0).getKind());
        assertEquals(
                List.of("buyer", "seller"),
                d.getParties().stream().map(p -> p.getName()).toList());
        assertEquals(0.4452125771655631, d.getParties().get(0).getWeights().get("Laptop"), 1e-15);

        ApiResponse<DomainResponse> got = domains.getDomainWithHttpInfo(id);
        assertEquals("\"1\"", header(got, "ETag"));
        assertEquals("Laptop (ANAC 2011)", got.getData().getName());

        String domainXml = text("exportDomainXml", () -> domains.exportDomainXml(id));
        String partyXml = text("exportDomainPartyXml", () -> domains.exportDomainPartyXml(id, 1));
        if (domainXml != null) {
            assertTrue(domainXml.contains("<negotiation_template"), domainXml);
            assertTrue(partyXml.contains("<utility_space"), partyXml);
        }
        assertEquals(
                404,
                problem(assertThrows(ApiException.class, () -> domains.exportDomainPartyXml(id, 3)))
                        .getStatus());

        // The JSON form, by replace (importDomain's JSON body has no method in the generated client).
        DomainRequest replacement = new DomainRequest()
                .name("Laptop (ANAC 2011)")
                .domainXml(resource("laptop_domain.xml"))
                .parties(List.of(
                        new DomainParty()
                                .name("buyer")
                                .xml(resource("laptop_buyer_utility.xml")
                                        .replace("evaluation=\"12\"", "evaluation=\"15\"")),
                        new DomainParty().name("seller").xml(resource("laptop_seller_utility.xml"))));
        assertEquals(
                428,
                problem(assertThrows(ApiException.class, () -> domains.replaceDomain(id, replacement, null)))
                        .getStatus());
        assertEquals(
                412,
                problem(assertThrows(ApiException.class, () -> domains.replaceDomain(id, replacement, "\"9\"")))
                        .getStatus());
        ApiResponse<DomainResponse> replaced = domains.replaceDomainWithHttpInfo(id, replacement, header(got, "ETag"));
        assertEquals(200, replaced.getStatusCode());
        assertEquals("\"2\"", header(replaced, "ETag"));
        assertEquals(2L, replaced.getData().getVersion());

        DomainList list = domains.listDomains(0, 100);
        assertRequiredPresent(list, "listDomains");
        assertTrue(list.getItems().stream().anyMatch(i -> i.getId().equals(id)), "listed");

        // A broken file: 400 naming the field.
        DomainRequest broken = new DomainRequest()
                .name("x")
                .domainXml(resource("laptop_domain.xml"))
                .parties(List.of(
                        new DomainParty()
                                .name("buyer")
                                .xml(
                                        "<?xml version=\"1.0\"?><!DOCTYPE u [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><utility_space>&x;</utility_space>"),
                        new DomainParty().name("seller").xml(resource("laptop_seller_utility.xml"))));
        ProblemDetail refused = problem(
                assertThrows(ApiException.class, () -> domains.replaceDomain(id, broken, header(replaced, "ETag"))));
        assertEquals(400, refused.getStatus());
        assertEquals("parties[0].xml", refused.getViolations().get(0).getField());

        DomainsApi deleting = domains;
        assertEquals(
                428,
                problem(assertThrows(ApiException.class, () -> deleting.deleteDomain(id, null)))
                        .getStatus());
        assertEquals(
                412,
                problem(assertThrows(ApiException.class, () -> deleting.deleteDomain(id, "\"1\"")))
                        .getStatus());
        assertEquals(
                204,
                deleting.deleteDomainWithHttpInfo(id, header(replaced, "ETag")).getStatusCode());
        assertEquals(
                404,
                problem(assertThrows(ApiException.class, () -> domains.getDomain(id)))
                        .getStatus());
    }

    // ---------------------------------------------------------------- the deal space

    @Test
    @Order(6)
    void termsSearchesChartsComparisonsCounteroffersSensitivity() throws Exception {
        ModelApi model = new ModelApi(client(null));
        DealSpaceApi space = new DealSpaceApi(client(null));

        TermCatalog catalog = model.listTerms();
        assertRequiredPresent(catalog, "listTerms");
        assertEquals(1_152_000L, catalog.getDefaultSearchSpace());
        // Every term of the catalogue is a field of the generated Bundle model, section by section.
        Map<String, Set<String>> bundleFields = bundleFields();
        for (TermDescriptor t : catalog.getTerms()) {
            String[] id = t.getId().split("\\.", 2);
            assertEquals(t.getSection(), id[0], t.getId());
            assertTrue(
                    bundleFields.getOrDefault(id[0], Set.of()).contains(id[1]),
                    t.getId() + " is not a field of the generated Bundle");
            assertNotNull(t.getKind(), t.getId());
        }
        assertEquals(
                bundleFields.values().stream().mapToInt(Set::size).sum(),
                catalog.getTerms().size(),
                "the generated Bundle has fields the catalogue does not list");
        assertEquals(
                10,
                catalog.getTerms().stream()
                        .filter(TermDescriptor::getSearchDefault)
                        .count());

        // The default space.
        SearchResponse search = space.searchDealSpace(new SearchRequest()
                .scenario("GENEVA_2025")
                .minUsSurplus(0.0)
                .minCnSurplus(0.0)
                .frontierLimit(10));
        assertRequiredPresent(search, "searchDealSpace");
        assertEquals(1_152_000L, search.getCounts().getExamined());
        assertEquals(1_152_000L, search.getSpace().getSize());
        // frontierLimit spreads the listed bundles along the frontier, keeping its ends and the solutions.
        assertTrue(
                search.getFrontier().getShown() <= Math.min(search.getFrontier().getSize(), 10 + 4),
                search.getFrontier().getShown() + " shown");
        assertEquals(
                search.getFrontier().getShown(),
                search.getFrontier().getBundles().size());
        FoundBundle nash = search.getSolutions().getNash();
        assertTrue(nash.getUsSurplus() > 0 && nash.getCnSurplus() > 0, nash.toString());
        assertEquals(nash.getUsSurplus() * nash.getCnSurplus(), nash.getNashProduct(), 1e-9);
        for (FoundBundle b : List.of(
                search.getSolutions().getKalaiSmorodinsky(),
                search.getSolutions().getEgalitarian(),
                search.getSolutions().getUtilitarian())) {
            assertTrue(b.getNashProduct() <= nash.getNashProduct() + 1e-12, b.toString());
        }
        assertNotNull(nash.getBundle().getPurchases(), "the Nash bundle, typed");

        // A smaller space, as the chipsForPurchases example asks for it: its chart.
        SearchRequest chips = STRICT.treeToValue(example("chipsForPurchases"), SearchRequest.class);
        String chart = text("chartSearch", () -> space.chartSearch(chips));
        if (chart != null) {
            assertTrue(
                    chart.startsWith("<svg") || chart.startsWith("<?xml"),
                    chart.substring(0, Math.min(80, chart.length())));
        }
        String defaultChart =
                text("chartDefaultDealSpace", () -> space.chartDefaultDealSpace("default", "GENEVA_2025"));
        if (defaultChart != null) {
            assertTrue(
                    defaultChart.startsWith("<svg") || defaultChart.startsWith("<?xml"),
                    defaultChart.substring(0, Math.min(80, defaultChart.length())));
        }

        // Three offers ranked by Nash product (the threeOffers example).
        ComparisonRequest three = STRICT.treeToValue(example("threeOffers"), ComparisonRequest.class);
        ComparisonResponse ranking = space.compareBundles(three);
        assertRequiredPresent(ranking, "compareBundles");
        assertEquals(Objective.NASH, ranking.getObjective());
        assertEquals(3, ranking.getRanking().size());
        assertEquals(
                List.of(1, 2, 3),
                ranking.getRanking().stream().map(RankedBundle::getRank).toList());
        for (int i = 1; i < 3; i++) {
            assertTrue(ranking.getRanking().get(i - 1).getObjective()
                    >= ranking.getRanking().get(i).getObjective());
        }
        for (RankedBundle r : ranking.getRanking()) {
            assertInstanceOf(Verdict.class, r.getVerdict());
            assertProbability(r.getAgreementProbability(), r.getName());
        }
        assertEquals(
                three.getBundles().stream().map(b -> b.getName()).collect(Collectors.toSet()),
                ranking.getRanking().stream().map(RankedBundle::getName).collect(Collectors.toSet()));

        // Counteroffers repairing a deal Washington would not sign (the repairChipsDeal example).
        CounterofferRequest repair = STRICT.treeToValue(example("repairChipsDeal"), CounterofferRequest.class);
        CounterofferResponse counter = space.proposeCounteroffers(repair);
        assertRequiredPresent(counter, "proposeCounteroffers");
        assertFalse(
                counter.getOriginal().getUsRatifies() && counter.getOriginal().getCnRatifies(),
                "the original is not signed by both");
        assertFalse(counter.getCounteroffers().isEmpty());
        assertTrue(counter.getCounteroffers().size() <= repair.getLimit());
        counter.getCounteroffers().forEach(c -> {
            assertFalse(c.getChanges().isEmpty(), "a counteroffer changes something");
            assertTrue(c.getUsSurplus() > 0 && c.getCnSurplus() > 0, c.toString());
        });

        // How robust a ranking is to the weights (the robustness example, fewer samples).
        SensitivityRequest robustness = STRICT.treeToValue(example("robustness"), SensitivityRequest.class)
                .samples(200);
        SensitivityResponse sensitivity = space.analyseSensitivity(robustness);
        assertRequiredPresent(sensitivity, "analyseSensitivity");
        assertEquals(200, sensitivity.getSamples());
        assertEquals(robustness.getBundles().size(), sensitivity.getBundles().size());
        sensitivity.getBundles().forEach(b -> {
            assertEquals(
                    1.0,
                    b.getRankAcceptability().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum(),
                    1e-9,
                    b.getName());
            assertProbability(b.getAgreementProbability(), b.getName());
        });
        assertFalse(sensitivity.getTornado().isEmpty());
        sensitivity.getTornado().forEach(t -> assertInstanceOf(Side.class, t.getSide()));
    }

    // ---------------------------------------------------------------- negotiations

    @Test
    @Order(7)
    void simulationsChartsAndTournaments() throws Exception {
        NegotiationApi negotiation = new NegotiationApi(client(null));
        SimulationRequest boulwareConceder = new SimulationRequest()
                .scenario("GENEVA_2025")
                .strategies(new Strategies()
                        .us(new StrategyRequest().kind(SimulationKind.BOULWARE))
                        .cn(new StrategyRequest().kind(SimulationKind.CONCEDER)))
                .deadline(100)
                .starts(Side.US)
                .seed(1L);
        assertEquals(
                STRICT.treeToValue(example("boulwareAgainstConceder"), SimulationRequest.class),
                boulwareConceder,
                "the boulwareAgainstConceder example, read by the generated model");

        SimulationResponse r = negotiation.simulateNegotiation(boulwareConceder);
        assertRequiredPresent(r, "simulateNegotiation");
        assertEquals(Side.US, r.getStarts());
        assertTrue(r.getOutcome().getAgreed());
        assertEquals(r.getOutcome().getRound(), r.getRounds().size());
        assertEquals(Side.US, r.getRounds().get(0).getProposer());
        assertInstanceOf(Verdict.class, r.getOutcome().getVerdict());
        assertProbability(r.getOutcome().getUsRatificationProbability(), "us");
        assertEquals(Set.of("US", "CN"), r.getStrategies().keySet());
        // The agreement evaluates as reported.
        int offer = r.getOutcome().getOffer();
        EvaluationResponse agreed = new EvaluationApi(client(null))
                .evaluateBundle(
                        new EvaluateRequest()
                                .scenario("GENEVA_2025")
                                .bundle(r.getOffers().get(offer).getBundle()),
                        false,
                        null);
        assertEquals(r.getOutcome().getUsSurplus(), agreed.getSides().get("US").getSurplus(), 1e-9);
        assertEquals(r.getOutcome().getCnSurplus(), agreed.getSides().get("CN").getSurplus(), 1e-9);

        String chart = text("chartNegotiation", () -> negotiation.chartNegotiation(boulwareConceder));
        if (chart != null) {
            assertTrue(
                    chart.startsWith("<svg") || chart.startsWith("<?xml"),
                    chart.substring(0, Math.min(80, chart.length())));
        }

        TournamentResponse t = negotiation.runTournament(new TournamentRequest()
                .strategies(List.of(
                        new NamedStrategy().kind(SimulationKind.BOULWARE),
                        new NamedStrategy().kind(SimulationKind.CONCEDER),
                        new NamedStrategy()
                                .name("patient")
                                .kind(SimulationKind.TIME_DEPENDENT)
                                .exponent(0.5)))
                .scenarios(List.of("GENEVA_2025", "APR_2025"))
                .deadline(20)
                .seed(3L));
        assertRequiredPresent(t, "runTournament");
        assertEquals(3, t.getStrategies().size());
        assertEquals(2, t.getSettings().size());
        assertEquals(3L * 3 * 2, t.getSimulations());
        assertEquals(9, t.getPairs().size());
        assertEquals(
                List.of(1, 2, 3), t.getRanking().stream().map(s -> s.getRank()).toList());
        t.getRanking().forEach(s -> assertProbability(s.getAgreementRate(), s.getStrategy()));
        assertTrue(t.getRanking().stream().anyMatch(s -> s.getStrategy().equals("patient")));
    }

    // ---------------------------------------------------------------- backtests and the GENIUS export

    @Test
    @Order(8)
    void backtestsAndTheGeniusExport() throws Exception {
        BacktestApi backtests = new BacktestApi(client(null));
        BacktestResponse b = backtests.runBacktest(null, "default");
        assertRequiredPresent(b, "runBacktest");
        assertEquals("default", b.getProfile());
        // docs/backtest.md "Current figures", in sample: 55 episodes, Brier 0.156 against the 0.231 of
        // always forecasting the base rate.
        assertEquals(55, b.getSummary().getEpisodes());
        assertEquals(b.getSummary().getEpisodes(), b.getEpisodes().size());
        assertProbability(b.getSummary().getHitRate(), "hitRate");
        assertEquals(0.231, b.getSummary().getReferenceBrierScore(), 0.0005);
        assertTrue(
                b.getSummary().getBrierScore() < b.getSummary().getReferenceBrierScore(),
                "Brier score " + b.getSummary().getBrierScore() + " against the base rate's "
                        + b.getSummary().getReferenceBrierScore());
        for (BacktestEpisode e : b.getEpisodes()) {
            assertNotNull(e.getKind(), e.getId());
            assertFalse(e.getHappened().isEmpty(), e.getId());
            assertInstanceOf(Verdict.class, e.getModel().getVerdict(), e.getId());
        }

        assertEquals(
                b.getSummary().getSideDecisions(),
                b.getReliability().getSideDecisions().getForecasts());
        String diagram = text("chartBacktestReliability", () -> backtests.chartBacktestReliability(null, "default"));
        assertTrue(
                diagram.contains("data-series=\"side decisions\""),
                diagram.substring(0, Math.min(80, diagram.length())));

        RobustnessResponse robustness = backtests.runBacktestRobustness(null, "default", null);
        assertRequiredPresent(robustness, "runBacktestRobustness");
        assertEquals(robustness.getFlips(), robustness.getFlipped().size());

        BacktestEpisode first = b.getEpisodes().get(0);
        BacktestEpisodeResponse explained = backtests.explainBacktestEpisode(first.getId(), null, "default");
        assertRequiredPresent(explained, "explainBacktestEpisode");
        assertEquals(first.getId(), explained.getEpisode().getId());
        assertEquals(first.getScenario(), explained.getEvaluation().getScenario());
        assertEquals(
                first.getModel().getVerdict(),
                explained.getEvaluation().getJoint().getVerdict());
        assertEquals(
                first.getModel().getAgreementProbability(),
                explained.getEvaluation().getJoint().getAgreementProbability(),
                1e-12);
        assertEquals(
                404,
                problem(assertThrows(
                                ApiException.class,
                                () -> backtests.explainBacktestEpisode("no-such-episode", null, null)))
                        .getStatus());

        // The model file holds the default profile's fit to the built-in episodes: refitted, it backtests the same.
        FitResponse refit = backtests.fitProfile(STRICT.treeToValue(example("fitDefault"), FitRequest.class));
        assertRequiredPresent(refit, "fitProfile");
        assertEquals("default", refit.getProfile().getBasedOn());
        assertEquals(b.getSummary(), refit.getInSample());
        assertEquals(b.getOutOfFold().getLeaveOneOut(), refit.getLeaveOneOut());

        DomainsApi domains = new DomainsApi(client(null));
        GeniusExportResponse export = domains.exportGeniusDomain("default", 2000, "GENEVA_2025", 1L);
        assertRequiredPresent(export, "exportGeniusDomain");
        assertEquals(1_152_000L, export.getOutcomes());
        assertEquals(10, export.getTerms().size());
        assertEquals(
                List.of("United States", "China"),
                export.getDomain().getParties().stream()
                        .map(DomainParty::getName)
                        .toList());
        assertTrue(export.getDomain().getDomainXml().contains("<negotiation_template"));
        assertEquals(2000, export.getFit().getSamples());
        for (var fit : List.of(export.getFit().getUs(), export.getFit().getCn())) {
            assertTrue(fit.getrSquared() > 0 && fit.getrSquared() <= 1, "R² " + fit.getrSquared());
            assertProbability(fit.getReservationValue(), "reservation value");
        }
        ProblemDetail tooFew =
                problem(assertThrows(ApiException.class, () -> domains.exportGeniusDomain(null, 10, null, null)));
        assertEquals("samples", tooFew.getViolations().get(0).getField());
    }

    /**
     * A Java client generated with the generator's defaults sends every optional list and map it was
     * not given as [] or {} (its models start them empty). The service reads an empty one as one
     * left out (docs/api-contract.md): the document's own examples and a clout change for Congress,
     * sent exactly as the generated defaults write them, are answered as if the empty ones were
     * absent.
     */

    /** An analyst's copy of the built-in episodes with London re-coded, stored, run, replaced, listed and deleted. */
    @Test
    @Order(10)
    void episodeSetsCreateReadRunReplaceListDelete() throws Exception {
        BacktestApi sets = new BacktestApi(client(ApiTestSupport.EDITOR_KEY));
        EpisodeSetResponse builtIn = sets.getEpisodeSet("built-in");
        assertRequiredPresent(builtIn, "getEpisodeSet");
        assertTrue(builtIn.getBuiltIn());
        String id = "gc-" + UUID.randomUUID().toString().substring(0, 8);
        List<Episode> episodes = builtIn.getEpisodes();
        Episode london = episodes.stream()
                .filter(e -> e.getId().equals("london-framework-2025"))
                .findFirst()
                .orElseThrow();
        london.getBundle().getUsConcessions().setExportControlLevel(2);
        EpisodeSetRequest request = new EpisodeSetRequest()
                .id(id)
                .basedOn("built-in")
                .name("London at level 2")
                .episodes(episodes);

        ApiResponse<EpisodeSetResponse> created = sets.createEpisodeSetWithHttpInfo(request, null);
        assertEquals(201, created.getStatusCode());
        assertTrue(header(created, "Location").endsWith("/api/v1/episode-sets/" + id), header(created, "Location"));
        assertEquals("\"1\"", header(created, "ETag"));
        assertRequiredPresent(created.getData(), "createEpisodeSet");
        assertEquals(episodes, created.getData().getEpisodes());

        BacktestApi reader = new BacktestApi(client(null));
        BacktestResponse run = reader.runBacktest(id, null);
        assertEquals(id, run.getEpisodeSet());
        BacktestEpisode recoded = run.getEpisodes().stream()
                .filter(e -> e.getId().equals("london-framework-2025"))
                .findFirst()
                .orElseThrow();
        BacktestEpisode original = reader.runBacktest(null, null).getEpisodes().stream()
                .filter(e -> e.getId().equals("london-framework-2025"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                !recoded.getModel()
                        .getSides()
                        .get("US")
                        .getSurplus()
                        .equals(original.getModel().getSides().get("US").getSurplus()),
                "the re-coded episode is judged anew");
        assertEquals(
                2,
                reader.explainBacktestEpisode("london-framework-2025", id, null)
                        .getEpisode()
                        .getBundle()
                        .getUsConcessions()
                        .getExportControlLevel());

        EpisodeSetRequest one = new EpisodeSetRequest().name("London alone").episodes(List.of(london));
        assertEquals(
                428,
                problem(assertThrows(ApiException.class, () -> sets.replaceEpisodeSet(id, one, null)))
                        .getStatus());
        assertEquals(
                412,
                problem(assertThrows(ApiException.class, () -> sets.replaceEpisodeSet(id, one, "\"5\"")))
                        .getStatus());
        ApiResponse<EpisodeSetResponse> replaced = sets.replaceEpisodeSetWithHttpInfo(id, one, "\"1\"");
        assertEquals("\"2\"", header(replaced, "ETag"));
        assertEquals(
                EpisodeDecision.ACCEPTED,
                replaced.getData().getEpisodes().get(0).getDecisions().getUS());

        EpisodeSetList list = sets.listEpisodeSets(0, 100);
        assertRequiredPresent(list, "listEpisodeSets");
        assertEquals("built-in", list.getItems().get(0).getId());
        assertTrue(list.getItems().stream().anyMatch(s -> s.getId().equals(id) && s.getEpisodeCount() == 1), "listed");

        assertEquals(
                409,
                problem(assertThrows(ApiException.class, () -> sets.deleteEpisodeSet("built-in", "\"1\"")))
                        .getStatus());
        assertEquals(204, sets.deleteEpisodeSetWithHttpInfo(id, "\"2\"").getStatusCode());
        assertEquals(
                404,
                problem(assertThrows(ApiException.class, () -> sets.getEpisodeSet(id)))
                        .getStatus());
    }

    @Test
    @Order(9)
    void emptyListsAndMapsTheGeneratedClientSendsAreLeftOut() throws Exception {
        ObjectMapper generatedDefault = ApiClient.createDefaultObjectMapper();
        ApiClient defaults = client(ApiTestSupport.EDITOR_KEY).setObjectMapper(generatedDefault);
        DealSpaceApi space = new DealSpaceApi(defaults);

        SearchRequest chips = generatedDefault.treeToValue(example("chipsForPurchases"), SearchRequest.class);
        assertEquals(Map.of(), chips.getReferences().get(0).getOutcome(), "the generated model starts outcome empty");
        SearchResponse searched = space.searchDealSpace(chips);
        // The terms sent with levels: [] are searched at the model's levels.
        Map<String, Integer> catalogueLevels = new ModelApi(defaults)
                .listTerms().getTerms().stream()
                        .collect(Collectors.toMap(
                                d -> d.getId(), d -> d.getLevels().size()));
        long size = 1;
        for (var term : chips.getTerms()) {
            size *= term.getLevels().isEmpty()
                    ? catalogueLevels.get(term.getTerm())
                    : term.getLevels().size();
        }
        assertTrue(
                chips.getTerms().stream().anyMatch(term -> term.getLevels().isEmpty()), "some levels are sent empty");
        assertEquals(size, searched.getSpace().getSize());
        assertEquals(2, searched.getReferences().size());
        ComparisonResponse compared =
                space.compareBundles(generatedDefault.treeToValue(example("threeOffers"), ComparisonRequest.class));
        assertEquals(3, compared.getRanking().size());
        SensitivityResponse robust = space.analyseSensitivity(generatedDefault
                .treeToValue(example("robustness"), SensitivityRequest.class)
                .samples(200));
        assertEquals(3, robust.getBundles().size());

        ModelApi model = new ModelApi(defaults);
        ProfileRequest congress = new ProfileRequest()
                .basedOn("default")
                .name("Congress louder")
                .factions(Map.of(
                        "congress", new FactionOverride().clout(0.2), "president", new FactionOverride().clout(0.35)));
        ApiResponse<ProfileResponse> created = model.createProfileWithHttpInfo(congress.id("gc-congress"), null);
        assertEquals(201, created.getStatusCode());
        FactionProfile congressNow = created.getData().getFactions().stream()
                .filter(f -> f.getId().equals("congress"))
                .findFirst()
                .orElseThrow();
        FactionProfile congressBefore = model.getProfile("default").getFactions().stream()
                .filter(f -> f.getId().equals("congress"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                congressBefore.getVetoScope(), congressNow.getVetoScope(), "an empty vetoScope keeps the profile's");
        model.deleteProfile("gc-congress", header(created, "ETag"));
    }

    private static Set<String> fields(ApiException e) {
        ProblemDetail p = problem(e);
        assertEquals(400, p.getStatus());
        return p.getViolations().stream().map(FieldViolation::getField).collect(Collectors.toCollection(TreeSet::new));
    }

    // ---------------------------------------------------------------- coverage

    @Test
    @Order(Integer.MAX_VALUE - 2)
    void everyStatusTheServiceAnsweredIsDeclared() {
        Set<String> undeclared = new TreeSet<>();
        DOCUMENT.path("paths")
                .forEach(path -> path.forEach(op -> {
                    String id = op.path("operationId").asText();
                    for (int status : STATUSES.getOrDefault(id, Set.of())) {
                        if (!op.path("responses").has(String.valueOf(status))
                                && !op.path("responses").has("default")) {
                            undeclared.add(id + " " + status);
                        }
                    }
                }));
        assertEquals(new TreeSet<>(), undeclared, "statuses answered but not declared in " + DOCUMENT_PATH);
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void everyFieldTheDocumentMarksRequiredWasPresent() {
        assertEquals(
                new TreeSet<>(),
                new TreeSet<>(MISSING_REQUIRED.keySet()),
                "fields marked required in " + DOCUMENT_PATH
                        + " but left out of an answer (schema.field=first seen at): "
                        + new java.util.TreeMap<>(MISSING_REQUIRED));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyOperationOfTheDocumentWasCalledThroughTheGeneratedClient() {
        Set<String> documented = ROUTES.stream().map(Route::operationId).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(42, documented.size(), "operations in " + DOCUMENT_PATH);
        Set<String> notCalled = new TreeSet<>(documented);
        notCalled.removeAll(CALLED);
        Set<String> undocumented =
                CALLED.stream().filter(c -> !documented.contains(c)).collect(Collectors.toCollection(TreeSet::new));
        assertAll(
                () -> assertTrue(
                        notCalled.isEmpty(), "operations of the document this test did not call: " + notCalled),
                () -> assertTrue(
                        undocumented.isEmpty(), "requests the client sent that match no operation: " + undocumented));
    }

    // ---------------------------------------------------------------- support

    /**
     * A generated client for the service under test: base URL from the test port, the API key (if
     * any) sent by the client's request interceptor (the native library has no per-scheme auth
     * classes), strict reading, and every answer recorded by operation.
     */
    private ApiClient client(String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(root.toString().replaceAll("/+$", ""));
        client.setObjectMapper(STRICT);
        client.setReadTimeout(Duration.ofMinutes(3));
        client.setRequestInterceptor(request -> {
            if (apiKey != null) {
                request.header("X-API-Key", apiKey);
            }
        });
        client.setResponseInterceptor(GeneratedClientTest::record);
        return client;
    }

    private static void record(HttpResponse<InputStream> response) {
        String method = response.request().method();
        String path = response.request().uri().getRawPath();
        String operation = ROUTES.stream()
                .filter(r -> r.method().equals(method) && r.path().matcher(path).matches())
                .min(Comparator.comparingInt(Route::variables))
                .map(Route::operationId)
                .orElse(method + " " + path);
        CALLED.add(operation);
        STATUSES.computeIfAbsent(operation, o -> ConcurrentHashMap.newKeySet()).add(response.statusCode());
        LAST_ANSWER.put(
                operation,
                response.statusCode() + " "
                        + response.headers().firstValue("Content-Type").orElse(""));
    }

    interface Call {
        Object call() throws ApiException;
    }

    interface Action {
        void run() throws ApiException;
    }

    /**
     * The document text that a chart or GENIUS XML operation answers, whatever Java type the
     * generated method returns for it (String, File, byte[] or InputStream).
     * The document declares them {@code format: binary}, which the generated client reads as a
     * File instead of parsing it as JSON.
     */
    private static String text(String operationId, Call call) throws IOException {
        Object answer;
        try {
            answer = call.call();
        } catch (ApiException e) {
            throw new AssertionError(operationId + " failed in the generated client: " + e.getMessage(), e);
        }
        if (answer instanceof String s) {
            return s;
        } else if (answer instanceof File f) {
            return Files.readString(f.toPath());
        } else if (answer instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        } else if (answer instanceof InputStream in) {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(operationId + " returned " + (answer == null ? "null" : answer.getClass()));
    }

    /** The problem+json body of an error answer, read into the generated ProblemDetail model. */
    private static ProblemDetail problem(ApiException e) {
        assertNotNull(e.getResponseBody(), e.toString());
        String type = e.getResponseHeaders() == null
                ? ""
                : e.getResponseHeaders().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/problem+json"), e.getCode() + " answered as " + type);
        try {
            ProblemDetail p = STRICT.readValue(e.getResponseBody(), ProblemDetail.class);
            assertEquals(e.getCode(), p.getStatus());
            assertRequiredPresent(p, "problem");
            return p;
        } catch (JsonProcessingException x) {
            throw new AssertionError("not a ProblemDetail: " + e.getResponseBody(), x);
        }
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .flatMap(h -> h.getValue().stream())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " header in " + response.getHeaders()));
    }

    private static void assertProbability(Double p, String what) {
        assertNotNull(p, what);
        assertTrue(p >= 0 && p <= 1, what + " = " + p);
    }

    private static FactionProfile faction(ProfileResponse p, String id) {
        return p.getFactions().stream()
                .filter(f -> f.getId().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no faction " + id));
    }

    /**
     * Every field the document marks required (the generated getters say so with
     * {@code @JsonProperty(required = true)}) is present, throughout a generated model.
     */
    static void assertRequiredPresent(Object value, String path) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                assertRequiredPresent(item, path + "[" + i++ + "]");
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> assertRequiredPresent(v, path + "." + k));
            return;
        }
        if (value.getClass().isEnum() || !value.getClass().getPackageName().equals("dev.dealeval.client.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            JsonProperty property = getter.getAnnotation(JsonProperty.class);
            if (property == null || getter.getParameterCount() != 0 || getter.getReturnType() == void.class) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (property.required() && field == null) {
                MISSING_REQUIRED.putIfAbsent(
                        value.getClass().getSimpleName() + "." + property.value(), path + "." + property.value());
            }
            assertRequiredPresent(field, path + "." + property.value());
        }
    }

    /** The generated Bundle's sections and, for each, its terms' JSON names. */
    private static Map<String, Set<String>> bundleFields() {
        Map<String, Set<String>> sections = new java.util.TreeMap<>();
        for (Method section : Bundle.class.getMethods()) {
            JsonProperty p = section.getAnnotation(JsonProperty.class);
            if (p != null && section.getParameterCount() == 0) {
                sections.put(
                        p.value(),
                        Arrays.stream(section.getReturnType().getMethods())
                                .map(m -> m.getAnnotation(JsonProperty.class))
                                .filter(a -> a != null)
                                .map(JsonProperty::value)
                                .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        return sections;
    }

    private static JsonNode example(String name) {
        JsonNode value = DOCUMENT.path("components").path("examples").path(name).path("value");
        assertFalse(value.isMissingNode(), "no example " + name + " in the document");
        return value;
    }

    private static File file(String name) throws URISyntaxException {
        return new File(GeneratedClientTest.class
                .getClassLoader()
                .getResource(LAPTOP + name)
                .toURI());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GeneratedClientTest.class.getClassLoader().getResourceAsStream(LAPTOP + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode readDocument() {
        try {
            return new ObjectMapper().readTree(DOCUMENT_PATH.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** method + path template → operationId, from the committed document. */
    private static List<Route> routes(JsonNode document) {
        List<Route> routes = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (op.getValue().has("operationId")) {
                        StringBuilder regex = new StringBuilder();
                        Matcher m = Pattern.compile("\\{[^}]+}").matcher(path.getKey());
                        int last = 0;
                        int variables = 0;
                        while (m.find()) {
                            regex.append(Pattern.quote(path.getKey().substring(last, m.start())))
                                    .append("[^/]+");
                            last = m.end();
                            variables++;
                        }
                        regex.append(Pattern.quote(path.getKey().substring(last)));
                        routes.add(new Route(
                                op.getKey().toUpperCase(),
                                Pattern.compile(regex.toString()),
                                variables,
                                op.getValue().get("operationId").asText()));
                    }
                }));
        return routes;
    }
}
