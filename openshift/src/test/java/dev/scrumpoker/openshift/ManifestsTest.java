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

/**
 * Every manifest is a well-formed, typed object of a kind the models know, with no field they do not know; KEDA's
 * resources, which no model covers, are checked against KEDA's own resource definitions instead.
 */
class ManifestsTest {

    private static final Set<String> EXPECTED_KINDS = Set.of("ConfigMap", "Deployment", "Service", "Route",
            "PodDisruptionBudget", "StatefulSet", "ServiceMonitor", "PrometheusRule", "Task", "Pipeline", "PipelineRun",
            "PersistentVolumeClaim", "NetworkPolicy", "ServiceAccount", "Role", "RoleBinding");
    private static final Set<String> KEDA_KINDS = Set.of("ScaledObject", "TriggerAuthentication");
    /** The Open Liberty Operator's kinds: no model, no schema reachable from CI (OperatorVariantTest checks them). */
    private static final Set<String> OPERATOR_KINDS = Set.of("OpenLibertyApplication", "OpenLibertyDump", "OpenLibertyTrace");

    static Stream<Manifests.Document> documents() {
        return Manifests.all().stream().filter(document -> !isKeda(document) && !isOperator(document));
    }

    static Stream<Manifests.Document> kedaDocuments() {
        return Manifests.all().stream().filter(ManifestsTest::isKeda);
    }

    private static boolean isKeda(Manifests.Document document) {
        return document.tree().path("apiVersion").asText().startsWith("keda.sh/");
    }

    private static boolean isOperator(Manifests.Document document) {
        return document.tree().path("apiVersion").asText().equals("apps.openliberty.io/v1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kedaDocuments")
    void kedaResourcesMatchKedasDefinitions(Manifests.Document document) {
        CustomResourceSchemas keda = CustomResourceSchemas.keda();

        assertTrue(keda.covers(document.tree()), () -> document + ": KEDA " + CustomResourceSchemas.KEDA_MODULE + " has no such kind");
        assertEquals(List.of(), keda.violations(document.tree()), () -> document + " does not match KEDA's definition");
    }

    @Test
    void theSchemaCheckCatchesWhatTheApiServerWouldPruneOrRefuse() throws IOException {
        JsonNode scaledObject = new ObjectMapper().readTree("""
                {"apiVersion": "keda.sh/v1alpha1", "kind": "ScaledObject", "metadata": {"name": "x"},
                 "spec": {"scaleTargetRef": {"name": "d"}, "minReplicas": 2, "maxReplicaCount": "10",
                          "triggers": [{"type": "cpu", "metadata": {"value": 60}}]}}""");

        assertEquals(List.of(".spec.minReplicas: not a field of this resource", ".spec.maxReplicaCount: an integer",
                        ".spec.triggers[0].metadata.value: a string (quote it)"),
                CustomResourceSchemas.keda().violations(scaledObject));
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
        documents().forEach(document -> kinds.add(document.typed().getClass().getSimpleName()));
        Set<String> kedaKinds = new java.util.TreeSet<>();
        kedaDocuments().forEach(document -> kedaKinds.add(document.tree().path("kind").asText()));

        assertEquals(new java.util.TreeSet<>(EXPECTED_KINDS), kinds);
        assertEquals(new java.util.TreeSet<>(KEDA_KINDS), kedaKinds);
        Set<String> operatorKinds = new java.util.TreeSet<>();
        Manifests.all().stream().filter(ManifestsTest::isOperator).forEach(document -> operatorKinds.add(document.tree().path("kind").asText()));
        assertEquals(new java.util.TreeSet<>(OPERATOR_KINDS), operatorKinds);
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
