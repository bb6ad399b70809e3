package dev.dealeval.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed deploy/kubernetes.yml is what this build generated (target/kubernetes/kubernetes.yml, written by
 * quarkus-kubernetes at package). The build does not copy it into the tree: the generator orders a container's
 * ports differently from one build to the next, so a copy would leave the working tree modified after every build.
 * Compared as YAML documents, with lists of objects compared as sets for the same reason.
 */
class KubernetesManifestsIT {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theCommittedManifestsAreWhatTheBuildGenerates() throws Exception {
        Path generated = Path.of("target/kubernetes/kubernetes.yml");
        assumeTrue(Files.exists(generated), "no " + generated + ": run after ./mvnw package");
        assertEquals(
                documents(generated),
                documents(Path.of("deploy/kubernetes.yml")),
                "deploy/kubernetes.yml differs from what the build generates:"
                        + " cp target/kubernetes/kubernetes.yml deploy/ and commit it");
    }

    private static List<JsonNode> documents(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(Files.readString(file))) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> out.add(normalised(d)));
        }
        return out;
    }

    /** Objects with their keys sorted; a list whose items are all objects sorted by their text. */
    static JsonNode normalised(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(n -> out.set(n, normalised(node.get(n))));
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(normalised(item)));
            if (items.stream().allMatch(JsonNode::isObject)) {
                items.sort(Comparator.comparing(JsonNode::toString));
            }
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            items.forEach(out::add);
            return out;
        }
        return node;
    }
}
