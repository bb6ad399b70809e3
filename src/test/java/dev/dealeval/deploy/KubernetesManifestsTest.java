package dev.dealeval.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests the build generates (quarkus-kubernetes, committed as deploy/kubernetes.yml;
 * CI fails when the committed copy differs from the build's): a Deployment of the PostgreSQL build
 * with probes on /q/health, resources and a non-root user, configured from a ConfigMap and a Secret
 * holding only key hashes, behind a Service.
 */
class KubernetesManifestsTest {
    private static Map<String, JsonNode> byKind() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, JsonNode> out = new HashMap<>();
        try (YAMLParser parser = new YAMLFactory().createParser(Files.readString(Path.of("deploy/kubernetes.yml")))) {
            List<JsonNode> docs = new ArrayList<>();
            yaml.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
            for (JsonNode d : docs) {
                assertTrue(
                        out.put(d.path("kind").asText(), d) == null,
                        "one " + d.path("kind").asText());
            }
        }
        return out;
    }

    @Test
    void aDeploymentOfReplicasWithProbesResourcesAndANonRootUser() throws Exception {
        Map<String, JsonNode> m = byKind();
        assertEquals(java.util.Set.of("Deployment", "Service", "ConfigMap", "Secret"), m.keySet());
        JsonNode deployment = m.get("Deployment");
        assertTrue(
                deployment.path("spec").path("replicas").asInt() >= 2,
                "scaled out: the service is stateless apart from the database");
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        assertEquals(1, pod.path("containers").size());
        JsonNode c = pod.path("containers").get(0);
        assertEquals(
                "/q/health/live",
                c.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals(
                "/q/health/ready",
                c.path("readinessProbe").path("httpGet").path("path").asText());
        // The probes on the management listener: no client of the API port can starve them.
        assertEquals(9000, c.path("livenessProbe").path("httpGet").path("port").asInt());
        assertEquals(9000, c.path("readinessProbe").path("httpGet").path("port").asInt());
        assertEquals(
                java.util.Set.of(8080, 9000),
                java.util.stream.StreamSupport.stream(c.path("ports").spliterator(), false)
                        .map(p -> p.path("containerPort").asInt())
                        .collect(java.util.stream.Collectors.toSet()));
        for (String kind : List.of("requests", "limits")) {
            assertTrue(
                    c.path("resources").path(kind).has("cpu")
                            && c.path("resources").path(kind).has("memory"),
                    kind);
        }
        // The image's JVM options give the heap a quarter of the limit: 128 MB of 512 Mi, with the JVM's own ~210 MB
        // beside it.
        assertEquals("512Mi", c.path("resources").path("limits").path("memory").asText());
        String jvmOptions = java.nio.file.Files.readString(java.nio.file.Path.of("deploy/jvm.options"));
        assertTrue(jvmOptions.lines().anyMatch("-XX:MaxRAMPercentage=25"::equals), "the heap's share of the limit");
        assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean());
        assertEquals(185, pod.path("securityContext").path("runAsUser").asInt(), "the image's dealeval user");
        Map<String, String> env = new HashMap<>();
        c.path("env")
                .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        assertEquals("pg", env.get("QUARKUS_PROFILE"), "the PostgreSQL build");
        List<String> from = new ArrayList<>();
        c.path("envFrom")
                .forEach(e -> from.add(
                        e.has("configMapRef")
                                ? "configMap:"
                                        + e.path("configMapRef").path("name").asText()
                                : "secret:" + e.path("secretRef").path("name").asText()));
        assertEquals(List.of("configMap:dealeval-config", "secret:dealeval-secrets"), from);
        assertEquals(m.get("ConfigMap").path("metadata").path("name").asText(), "dealeval-config");
        assertEquals(m.get("Secret").path("metadata").path("name").asText(), "dealeval-secrets");
    }

    @Test
    void theServiceRoutesToThePodsAndTheConfigurationHoldsNoSecretInTheClear() throws Exception {
        Map<String, JsonNode> m = byKind();
        JsonNode service = m.get("Service");
        JsonNode labels = m.get("Deployment")
                .path("spec")
                .path("template")
                .path("metadata")
                .path("labels");
        service.path("spec")
                .path("selector")
                .fields()
                .forEachRemaining(e -> assertEquals(
                        e.getValue().asText(),
                        labels.path(e.getKey()).asText(),
                        "the Service selects the pods by " + e.getKey()));
        assertEquals(
                8080,
                service.path("spec").path("ports").get(0).path("targetPort").asInt());
        JsonNode config = m.get("ConfigMap").path("data");
        assertTrue(config.path("QUARKUS_DATASOURCE_JDBC_URL").asText().startsWith("jdbc:postgresql://"));
        assertNotNull(config.get("QUARKUS_DATASOURCE_USERNAME"));
        assertTrue(
                !config.has("QUARKUS_DATASOURCE_PASSWORD") && !config.has("DEALEVAL_SECURITY_API_KEYS"),
                "secrets stay in the Secret");
        JsonNode secret = m.get("Secret").path("stringData");
        assertNotNull(secret.get("QUARKUS_DATASOURCE_PASSWORD"));
        // API keys only as name:role:sha256-hex, as the service reads them.
        for (String entry : secret.path("DEALEVAL_SECURITY_API_KEYS").asText().split(",")) {
            assertTrue(entry.matches("[a-z0-9-]+:(editor|reader):[0-9a-f]{64}"), entry);
        }
    }
}
