package dev.dealeval.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.api.v1.dto.ComparisonRequest;
import dev.dealeval.api.v1.dto.DomainRequest;
import dev.dealeval.api.v1.dto.EpisodeSetRequest;
import dev.dealeval.api.v1.dto.EvaluateRequest;
import dev.dealeval.api.v1.dto.ProfileRequest;
import dev.dealeval.api.v1.dto.ScenarioRequest;
import dev.dealeval.api.v1.dto.SearchRequest;
import jakarta.validation.constraints.Size;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Requests are read in proportion to what they may hold: lists and maps stop at their bound. */
class BoundedContainersTest {
    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        new JacksonStrictness().customize(m);
        return m;
    }

    private static String repeat(String element, int n) {
        return String.join(",", java.util.Collections.nCopies(n, element));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    @Test
    void aListLongerThanItsSizeStopsTheReadAtTheFirstElementTooMany() throws Exception {
        String body = "{\"bundles\": [" + repeat("{}", 200_000) + "]}";
        var thread = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        mapper.readValue("{\"bundles\": [{}]}", ComparisonRequest.class); // deserializers built outside the measurement
        long before = thread.getCurrentThreadAllocatedBytes();
        JsonMappingException e = assertThrows(
                BoundedContainers.TooManyElements.class, () -> mapper.readValue(bytes, ComparisonRequest.class));
        long allocated = thread.getCurrentThreadAllocatedBytes() - before;
        assertEquals("bundles", path(e));
        assertEquals("must hold at most 1000 elements", e.getOriginalMessage());
        // 1,001 bundles bound, not 200,000: well under the body's own size (600 KB) in allocation.
        assertTrue(allocated < bytes.length, "allocated " + allocated + " bytes reading a body of " + bytes.length);

        assertEquals(
                1000,
                mapper.readValue("{\"bundles\": [" + repeat("{}", 1000) + "]}", ComparisonRequest.class)
                        .bundles()
                        .size());
    }

    @Test
    void eachListOrMapTakesItsOwnPropertysSizeAndNestedOnesTheDefault() throws Exception {
        JsonMappingException parties = assertThrows(
                BoundedContainers.TooManyElements.class,
                () -> mapper.readValue("{\"parties\": [" + repeat("{}", 100_000) + "]}", DomainRequest.class));
        assertEquals("parties", path(parties));
        assertEquals("must hold at most 2 elements", parties.getOriginalMessage());

        JsonMappingException terms = assertThrows(
                BoundedContainers.TooManyElements.class,
                () -> mapper.readValue(
                        "{\"terms\": [" + repeat("{\"term\": \"x\", \"levels\": [" + repeat("1", 51) + "]}", 1) + "]}",
                        SearchRequest.class));
        assertEquals("terms.[0].levels", path(terms));
        assertEquals(
                "must hold at most 50 levels",
                terms.getOriginalMessage()); // the property's own message, which states the bound

        JsonMappingException episodes = assertThrows(
                BoundedContainers.TooManyElements.class,
                () -> mapper.readValue(
                        "{\"name\": \"x\", \"episodes\": [" + repeat("{}", 100_000) + "]}", EpisodeSetRequest.class));
        assertEquals("episodes", path(episodes));
        assertEquals("must hold between 1 and 500 episodes", episodes.getOriginalMessage());

        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            values.append(i == 0 ? "" : ",").append("\"t").append(i).append("\": 1");
        }
        JsonMappingException map = assertThrows(
                BoundedContainers.TooManyElements.class,
                () -> mapper.readValue("{\"name\": \"x\", \"values\": {" + values + "}}", ScenarioRequest.class));
        assertEquals("values", path(map));
        assertEquals("must hold at most 500 entries", map.getOriginalMessage());

        // The criterion weights of one side: a map inside the weights map takes the default bound.
        StringBuilder weights = new StringBuilder();
        for (int i = 0; i <= BoundedContainers.DEFAULT_MAX; i++) {
            weights.append(i == 0 ? "" : ",").append("\"c").append(i).append("\": 1");
        }
        JsonMappingException nested = assertThrows(
                BoundedContainers.TooManyElements.class,
                () -> mapper.readValue(
                        "{\"name\": \"x\", \"weights\": {\"US\": {" + weights + "}}}", ProfileRequest.class));
        assertEquals("weights.US", path(nested));
        assertEquals("must hold at most " + BoundedContainers.DEFAULT_MAX + " entries", nested.getOriginalMessage());
    }

    @Test
    void containersWithinTheBoundReadAsBefore() throws Exception {
        EvaluateRequest r = mapper.readValue(
                "{\"bundle\": {\"purchases\": {\"years\": 2}}, \"overrides\": {\"weights\": {\"US\": "
                        + "{\"leverage\": 0.3, \"nationalSecurity\": 0.2}}, \"factions\": {\"hawks\": {\"vetoScope\": [\"usConcessions.*\"], "
                        + "\"multipliers\": {\"leverage\": 2}}}}}",
                EvaluateRequest.class);
        assertEquals(
                2,
                r.overrides().weights().get(dev.dealeval.domain.model.Side.US).size());
        assertEquals(
                List.of("usConcessions.*"),
                r.overrides().factions().get("hawks").vetoScope());
        SearchRequest s = mapper.readValue(
                "{\"terms\": [{\"term\": \"purchases.years\", \"levels\": [1, 2, 3]}]}", SearchRequest.class);
        assertEquals(3, s.terms().get(0).levels().size());
    }

    @Test
    void whatNoTypeBoundsTheParserDoes() {
        String deep = "[".repeat(JacksonStrictness.MAX_NESTING_DEPTH + 1)
                + "]".repeat(JacksonStrictness.MAX_NESTING_DEPTH + 1);
        JsonMappingException tooDeep = assertThrows(
                JsonMappingException.class,
                () -> mapper.readValue("{\"name\": \"x\", \"values\": {\"a\": " + deep + "}}", ScenarioRequest.class));
        assertTrue(tooDeep.getCause() instanceof StreamConstraintsException, String.valueOf(tooDeep.getCause()));
        // A free-form value (a term's value) is bound too: its lists and maps take the default bound...
        JsonMappingException wide = assertThrows(
                BoundedContainers.TooManyElements.class,
                () -> mapper.readValue(
                        "{\"name\": \"x\", \"values\": {\"a\": [" + repeat("0", BoundedContainers.DEFAULT_MAX + 1)
                                + "]}}",
                        ScenarioRequest.class));
        assertEquals("values.a", path(wide));
        // ... and the token count bounds many of them.
        String many = "[" + repeat("[" + repeat("0", 999) + "]", (int) (JacksonStrictness.MAX_TOKENS / 1000) + 1) + "]";
        JsonMappingException tooLong = assertThrows(
                JsonMappingException.class,
                () -> mapper.readValue("{\"name\": \"x\", \"values\": {\"a\": " + many + "}}", ScenarioRequest.class));
        assertTrue(tooLong.getCause() instanceof StreamConstraintsException, tooLong.getMessage());
    }

    /**
     * Every list, map and array a request can hold states its bound with {@code @Size(max)}, so that
     * it is read against it and the OpenAPI document shows it (maxItems, maxProperties).
     */
    @Test
    void everyListAndMapOfEveryRequestStatesItsBound() throws Exception {
        Deque<Class<?>> todo = new ArrayDeque<>();
        File dir = new File("target/classes/dev/dealeval/api/v1/dto");
        for (String name : dir.list()) {
            if (name.endsWith("Request.class")) {
                todo.add(Class.forName("dev.dealeval.api.v1.dto." + name.replace(".class", "")));
            }
        }
        assertTrue(todo.size() >= 10, "request types found: " + todo);
        Set<Class<?>> seen = new HashSet<>();
        List<String> unbounded = new ArrayList<>();
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!type.isRecord() || !seen.add(type)) {
                continue;
            }
            for (RecordComponent c : type.getRecordComponents()) {
                Class<?> raw = c.getType();
                if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw.isArray()) {
                    Size size = type.getDeclaredField(c.getName()).getAnnotation(Size.class);
                    if (size == null || size.max() == Integer.MAX_VALUE) {
                        unbounded.add(type.getSimpleName() + "." + c.getName());
                    }
                }
                collect(c.getGenericType(), todo);
            }
        }
        assertEquals(List.of(), unbounded);
        assertTrue(seen.size() > 20, "record types walked: " + seen.size());
    }

    private static void collect(Type t, Deque<Class<?>> todo) {
        if (t instanceof Class<?> c && c.getName().startsWith("dev.dealeval.")) {
            todo.add(c);
        } else if (t instanceof ParameterizedType p) {
            for (Type a : p.getActualTypeArguments()) {
                collect(a, todo);
            }
        }
    }
}
