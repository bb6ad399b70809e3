package dev.dealeval.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@link ContractValidation} finds the operation and judges status, media type, headers and body, on a small document. */
class ContractValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOC = """
            {'openapi': '3.1.0',
             'paths': {
               '/api/v1/profiles/{id}': {
                 'get': {'operationId': 'getProfile', 'responses': {
                   '200': {'content': {'application/json': {'schema': {'$ref': '#/components/schemas/Profile'}}},
                           'headers': {'ETag': {'required': true, 'schema': {'type': 'string'}}}},
                   '404': {'content': {'application/problem+json': {'schema': {'$ref': '#/components/schemas/ProblemDetail'}}}}}},
                 'delete': {'operationId': 'deleteProfile', 'responses': {'204': {'description': 'deleted'}}}},
               '/api/v1/profiles/summary': {
                 'get': {'operationId': 'summary', 'responses': {'200': {'content': {'text/*': {}}}}}},
               '/api/v1/domains/{id}/parties/{n}.xml': {
                 'get': {'operationId': 'getParty', 'responses': {'200': {'content': {'application/xml': {}}}}}},
               '/api/v1/searches': {
                 'post': {'operationId': 'search', 'responses': {
                   '200': {'content': {'application/json': {'schema': {'type': 'object'}}}},
                   '503': {'headers': {'Retry-After': {'schema': {'type': 'integer'}}},
                           'content': {'application/problem+json': {'schema': {'$ref': '#/components/schemas/ProblemDetail'}}}}}}}},
             'components': {'schemas': {
               'Profile': {'type': 'object', 'properties': {'id': {'type': 'string'}, 'version': {'type': 'integer', 'format': 'int64'}},
                           'required': ['id', 'version']},
               'ProblemDetail': {'type': 'object', 'properties': {'type': {'type': 'string'}, 'title': {'type': 'string'},
                           'status': {'type': 'integer', 'format': 'int32'}, 'detail': {'type': 'string'}}, 'required': ['type', 'title', 'status']}}}}
            """;
    private static final String PROBLEM = "{\"type\": \"urn:x\", \"title\": \"Not found\", \"status\": 404}";

    private static final ContractValidation CONTRACT = new ContractValidation(json(DOC));

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ContractValidation.Result check(
            String method, String uri, int status, String contentType, String body, Map<String, String> headers) {
        return CONTRACT.mismatches(new ContractValidation.Answer(
                method,
                uri,
                status,
                contentType,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                headers::get));
    }

    private static List<String> mismatches(String method, String uri, int status, String contentType, String body) {
        return check(method, uri, status, contentType, body, Map.of("ETag", "\"1\""))
                .mismatches();
    }

    @Test
    void findsTheOperationByMethodAndTemplateALiteralSegmentFirst() {
        assertEquals(
                "GET /api/v1/profiles/{id} (getProfile)",
                CONTRACT.find("GET", "/api/v1/profiles/tariff-hawk").name());
        assertEquals(
                "GET /api/v1/profiles/summary (summary)",
                CONTRACT.find("GET", "/api/v1/profiles/summary").name());
        assertEquals(
                "GET /api/v1/domains/{id}/parties/{n}.xml (getParty)",
                CONTRACT.find("GET", "/api/v1/domains/laptop/parties/1.xml").name());
        assertEquals(null, CONTRACT.find("GET", "/api/v1/domains/laptop/parties/1.json"));
        assertEquals(null, CONTRACT.find("GET", "/api/v1/profiles/a/b"));
        assertEquals(null, CONTRACT.find("GET", "/api/v1/profiles/"));
        assertEquals(null, CONTRACT.find("PUT", "/api/v1/profiles/x"));
        assertEquals(
                "/api/v1/profiles/a%20b",
                ContractValidation.rawPath("http://localhost:8081/api/v1/profiles/a%20b?x=/y#z"));
    }

    @Test
    void aMatchingAnswerPasses() {
        assertEquals(
                List.of(),
                mismatches(
                        "GET",
                        "http://h/api/v1/profiles/x",
                        200,
                        "application/json;charset=UTF-8",
                        "{\"id\": \"x\", \"version\": 3}"));
        assertEquals(List.of(), mismatches("HEAD", "http://h/api/v1/profiles/x", 200, "application/json", null));
        assertEquals(List.of(), mismatches("DELETE", "http://h/api/v1/profiles/x", 204, null, null));
        assertEquals(List.of(), mismatches("GET", "http://h/api/v1/profiles/summary", 200, "text/csv", "a,b"));
        assertEquals(
                List.of(),
                mismatches("GET", "http://h/api/v1/domains/d/parties/2.xml", 200, "application/xml", "<x/>"));
    }

    @Test
    void theBodyIsCheckedAgainstTheSchemaOfItsStatusAndMediaType() {
        ContractValidation.Result r = check(
                "GET",
                "http://h/api/v1/profiles/x",
                200,
                "application/json",
                "{\"id\": \"x\", \"version\": 1.5}",
                Map.of("ETag", "\"1\""));
        assertEquals("GET /api/v1/profiles/{id} (getProfile)", r.operation());
        assertEquals(List.of("$.version: number 1.5, expected integer (no null)"), r.mismatches());
        assertEquals(
                List.of("$.version: required, missing"),
                mismatches("GET", "http://h/api/v1/profiles/x", 200, "application/json", "{\"id\": \"x\"}"));
        assertEquals(
                List.of("$.title: required, missing"),
                mismatches(
                        "GET",
                        "http://h/api/v1/profiles/x",
                        404,
                        "application/problem+json",
                        "{\"type\": \"urn:x\", \"status\": 404}"));
        assertTrue(mismatches("GET", "http://h/api/v1/profiles/x", 200, "application/json", "{\"id\": ")
                .get(0)
                .startsWith("the body is not JSON"));
        assertEquals(
                List.of("an empty body, but the response declares application/json"),
                mismatches("GET", "http://h/api/v1/profiles/x", 200, "application/json", ""));
    }

    @Test
    void anUndeclaredStatusFailsUnlessItIsAGenericError() {
        assertEquals(
                List.of("status 409 is not declared for this operation, and 409 is not one of the generic errors "
                        + "[400, 401, 403, 404, 405, 406, 413, 414, 415, 429, 431, 500, 503]"),
                mismatches("GET", "http://h/api/v1/profiles/x", 409, "application/problem+json", PROBLEM));
        assertEquals(
                1,
                mismatches(
                                "GET",
                                "http://h/api/v1/profiles/x",
                                201,
                                "application/json",
                                "{\"id\": \"x\", \"version\": 1}")
                        .size());
        // A generic error: a problem document, whatever the operation declares.
        assertEquals(
                List.of(),
                mismatches("DELETE", "http://h/api/v1/profiles/x", 404, "application/problem+json", PROBLEM));
        assertEquals(
                List.of(),
                mismatches(
                        "GET",
                        "http://h/api/v1/profiles/x",
                        401,
                        "application/problem+json",
                        PROBLEM.replace("404", "401")));
        assertEquals(
                List.of("media type application/json is not declared; the response declares application/problem+json"),
                mismatches("DELETE", "http://h/api/v1/profiles/x", 404, "application/json", PROBLEM));
        assertEquals(
                List.of("$.status: required, missing"),
                mismatches(
                        "DELETE",
                        "http://h/api/v1/profiles/x",
                        500,
                        "application/problem+json",
                        "{\"type\": \"urn:x\", \"title\": \"t\"}"));
    }

    @Test
    void aPathOrMethodTheDocumentDoesNotHaveMayOnlyAnswerAGenericError() {
        ContractValidation.Result r = check(
                "PUT",
                "http://h/api/v1/profiles/x",
                405,
                "application/problem+json",
                PROBLEM.replace("404", "405"),
                Map.of());
        assertEquals("PUT /api/v1/profiles/x (no operation in the document)", r.operation());
        assertEquals(List.of(), r.mismatches());
        assertEquals(
                List.of(), mismatches("GET", "http://h/api/v1/nothing-here", 404, "application/problem+json", PROBLEM));
        assertEquals(
                List.of(
                        "no operation of the document has this method and path, and 200 is not one of the generic errors "
                                + "[400, 401, 403, 404, 405, 406, 413, 414, 415, 429, 431, 500, 503]"),
                mismatches("GET", "http://h/api/v1/nothing-here", 200, "text/plain", "hi"));
        assertEquals(
                List.of("media type text/html is not declared; the response declares application/problem+json"),
                mismatches("GET", "http://h/api/v1/nothing-here", 404, "text/html", "<p>no</p>"));
    }

    @Test
    void mediaTypesAndEmptyResponses() {
        assertEquals(
                List.of("media type text/plain is not declared; the response declares application/json"),
                mismatches("GET", "http://h/api/v1/profiles/x", 200, "text/plain", "x"));
        assertEquals(
                List.of("no Content-Type, but the response declares application/json"),
                mismatches("GET", "http://h/api/v1/profiles/x", 200, null, ""));
        assertEquals(
                List.of("media type application/json is not declared; the response declares text/*"),
                mismatches("GET", "http://h/api/v1/profiles/summary", 200, "application/json", "{}"));
        assertEquals(
                List.of("a body (application/json, 2 bytes), but the response declares no content"),
                mismatches("DELETE", "http://h/api/v1/profiles/x", 204, "application/json", "{}"));
    }

    @Test
    void declaredHeaders() {
        assertEquals(
                List.of("header ETag: required, missing"),
                check(
                                "GET",
                                "http://h/api/v1/profiles/x",
                                200,
                                "application/json",
                                "{\"id\": \"x\", \"version\": 3}",
                                Map.of())
                        .mismatches());
        String busy = "{\"type\": \"urn:x\", \"title\": \"Busy\", \"status\": 503}";
        assertEquals(
                List.of(),
                check(
                                "POST",
                                "http://h/api/v1/searches",
                                503,
                                "application/problem+json",
                                busy,
                                Map.of("Retry-After", "2"))
                        .mismatches());
        assertEquals(
                List.of(),
                check("POST", "http://h/api/v1/searches", 503, "application/problem+json", busy, Map.of())
                        .mismatches());
        assertEquals(
                List.of("header Retry-After: \"soon\", expected an integer"),
                check(
                                "POST",
                                "http://h/api/v1/searches",
                                503,
                                "application/problem+json",
                                busy,
                                Map.of("Retry-After", "soon"))
                        .mismatches());
    }

    @Test
    void aMismatchFailsWithTheOperationStatusAndPath() {
        AssertionError e = assertThrows(
                AssertionError.class,
                () -> CONTRACT.check(new ContractValidation.Answer(
                        "GET",
                        "http://h/api/v1/profiles/x",
                        200,
                        "application/json",
                        "{\"id\": 1, \"version\": 3}".getBytes(StandardCharsets.UTF_8),
                        h -> "\"1\"")));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "The answer does not match openapi/openapi.json: GET /api/v1/profiles/{id} (getProfile), status 200 "
                                        + "application/json, to GET http://h/api/v1/profiles/x\n  $.id: integer 1, expected string (no null)\nbody: {"),
                e.getMessage());
    }

    /** The committed document: every operation is found from a concrete path, and the generic errors have their schema. */
    @Test
    void theCommittedDocumentIsOneTheFilterReads() throws Exception {
        JsonNode doc =
                JSON.readTree(java.nio.file.Path.of("openapi/openapi.json").toFile());
        assertNotNull(
                doc.at("/components/schemas/ProblemDetail").get("properties"),
                "the generic errors are checked against ProblemDetail");
        ContractValidation contract = ContractValidation.forCommittedDocument();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        int operations = 0;
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            String concrete = p.getKey().replaceAll("\\{[^}]*}", "x1");
            for (String method : List.of("get", "put", "post", "delete")) {
                if (p.getValue().has(method)) {
                    operations++;
                    assertEquals(
                            method.toUpperCase() + " " + p.getKey(),
                            contract.find(method.toUpperCase(), concrete).name().replaceFirst(" \\(.*", ""));
                }
            }
        }
        assertTrue(operations > 20, operations + " operations");
    }
}
