package dev.scrumpoker.openshift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every manifest is a well-formed, typed object of a kind the models know, with no field they do not know. */
class ManifestsTest {

    private static final Set<String> EXPECTED_KINDS = Set.of("ConfigMap", "Deployment", "Service", "Route",
            "PodDisruptionBudget", "HorizontalPodAutoscaler", "StatefulSet", "ServiceMonitor", "PrometheusRule",
            "Task", "Pipeline", "PipelineRun", "PersistentVolumeClaim", "NetworkPolicy");

    static Stream<Manifests.Document> documents() {
        return Manifests.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void parsesIntoATypedObjectWithNoUnknownFields(Manifests.Document document) {
        KubernetesResource resource = document.typed();

        assertFalse(resource instanceof GenericKubernetesResource,
                () -> document + ": no model knows " + document.tree().path("apiVersion").asText() + " "
                        + document.tree().path("kind").asText());
        assertTrue(EXPECTED_KINDS.contains(resource.getClass().getSimpleName()), () -> document + " is " + resource.getClass());
        assertEquals(List.of(), Manifests.unknownFields(resource), () -> document + " has fields the model does not know");
    }

    @Test
    void everyKindTheDeploymentNeedsIsThere() {
        Set<String> kinds = new java.util.TreeSet<>();
        Manifests.all().forEach(document -> kinds.add(document.typed().getClass().getSimpleName()));

        assertEquals(new java.util.TreeSet<>(EXPECTED_KINDS), kinds);
    }

    @Test
    void noSecretValuesAreCommitted() {
        for (Manifests.Document document : Manifests.all()) {
            assertFalse(document.tree().path("kind").asText().equals("Secret"), () -> document + " is a Secret");
            document.tree().findParents("name").stream()
                    .filter(env -> env.has("value") && env.path("name").asText().matches(".*(PASSWORD|SECRET|API_KEY|PRIVATE_KEY).*"))
                    .forEach(env -> {
                        throw new AssertionError(document + " sets " + env.path("name").asText() + " in clear");
                    });
        }
    }

    @Test
    void theGrafanaDashboardQueriesOnlyMetricsTheAppServes() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Manifests.OPENSHIFT.resolve("monitoring/grafana-dashboard.json").toFile());
        StringBuilder queries = new StringBuilder();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> queries.append(target.path("expr").asText()).append('\n')));
        String rules = Files.readString(Manifests.OPENSHIFT.resolve("monitoring/prometheus-rules.yaml"));

        Set<String> served = AppFacts.applicationMetrics();
        for (String text : List.of(queries.toString(), rules)) {
            Matcher metric = Pattern.compile("scrumpoker_[a-z_]+").matcher(text);
            while (metric.find()) {
                String name = metric.group().replaceAll("_(total|count|sum|max|seconds)$", "").replaceAll("_seconds$", "");
                assertTrue(served.contains(name), () -> metric.group() + " is not a metric the app registers " + served);
            }
        }
        assertTrue(dashboard.path("panels").size() >= 10, "connections, messages, latencies, REST, DB, Redis, JVM");
    }
}
