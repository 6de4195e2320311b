package dev.scrumpoker.openshift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.Route;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenLibertyApplication variant (openshift/operator/) runs the same app as the plain manifests: same settings,
 * secrets, probes, resources, router settings, scaling bounds and metrics credentials, so the two never drift apart.
 * No model or published schema of the Open Liberty Operator's resources is reachable from CI (its Go module is not on
 * the module proxy), so their fields were checked once against the operator's CRDs by hand (docs/operations.md); this
 * test keeps the content honest.
 */
class OperatorVariantTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode application = Manifests.tree("OpenLibertyApplication", "scrum-poker").path("spec");
    private final Deployment deployment = Manifests.named(Deployment.class, "scrum-poker");
    private final Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    @Test
    void runsTheImageTheDeploymentFollowsWithTheSameSettingsAndSecrets() {
        // The Deployment's image trigger follows the ImageStreamTag scrum-poker:latest of its namespace.
        assertTrue(deployment.getMetadata().getAnnotations().get("image.openshift.io/triggers").contains("\"scrum-poker:latest\""));
        assertEquals("scrum-poker/scrum-poker:latest", application.path("applicationImage").asText(), "<project>/<stream>:<tag>");
        assertEquals(app.getImagePullPolicy(), application.path("pullPolicy").asText());
        assertEquals(JSON.valueToTree(app.getEnv()), application.path("env"));
        assertEquals(JSON.valueToTree(app.getEnvFrom()), application.path("envFrom"));
        assertEquals(JSON.valueToTree(app.getResources()), application.path("resources"));
        assertFalse(application.has("replicas"), "the autoscaler owns the count");
    }

    @Test
    void probesAskTheSameHealthChecksOnThePlainHttpPort() {
        int httpPort = app.getPorts().stream().filter(port -> port.getName().equals("http")).findFirst().orElseThrow().getContainerPort();
        assertProbe(app.getStartupProbe(), application.path("probes").path("startup"), httpPort);
        assertProbe(app.getReadinessProbe(), application.path("probes").path("readiness"), httpPort);
        assertProbe(app.getLivenessProbe(), application.path("probes").path("liveness"), httpPort);
    }

    private static void assertProbe(Probe plain, JsonNode operator, int httpPort) {
        assertEquals(plain.getHttpGet().getPath(), operator.path("httpGet").path("path").asText());
        assertEquals(httpPort, operator.path("httpGet").path("port").asInt());
        assertEquals("HTTP", operator.path("httpGet").path("scheme").asText());
        assertEquals(plain.getPeriodSeconds().intValue(), operator.path("periodSeconds").asInt());
        assertEquals(plain.getFailureThreshold().intValue(), operator.path("failureThreshold").asInt());
    }

    @Test
    void theRouteReencryptsToTheOperatorsCertificateWithTheSameRouterSettings() {
        assertTrue(application.path("manageTLS").asBoolean());
        assertTrue(application.path("expose").asBoolean());
        assertEquals("reencrypt", application.path("route").path("termination").asText());
        assertEquals("Redirect", application.path("route").path("insecureEdgeTerminationPolicy").asText());
        // With manageTLS the Service's port must be the TLS one: the certificate is served there.
        int httpsPort = app.getPorts().stream().filter(port -> port.getName().equals("https")).findFirst().orElseThrow().getContainerPort();
        assertEquals(httpsPort, application.path("service").path("port").asInt());
        Route route = Manifests.named(Route.class, "scrum-poker");
        assertEquals(JSON.valueToTree(route.getMetadata().getAnnotations()), application.path("route").path("annotations"));
    }

    @Test
    void scalesOnCpuWithinTheSameBoundsAndBehaviourAsKeda() {
        JsonNode keda = Manifests.tree("ScaledObject", "scrum-poker").path("spec");
        JsonNode autoscaling = application.path("autoscaling");
        assertEquals(keda.path("minReplicaCount").asInt(), autoscaling.path("minReplicas").asInt());
        assertEquals(keda.path("maxReplicaCount").asInt(), autoscaling.path("maxReplicas").asInt());
        assertEquals(keda.path("triggers").get(0).path("metadata").path("value").asInt(),
                autoscaling.path("targetCPUUtilizationPercentage").asInt());
        assertEquals(keda.path("advanced").path("horizontalPodAutoscalerConfig").path("behavior"), autoscaling.path("behavior"));
        assertEquals(JSON.valueToTree(deployment.getSpec().getStrategy().getRollingUpdate()),
                application.path("deployment").path("updateStrategy").path("rollingUpdate"));
    }

    @Test
    void prometheusScrapesWithTheReadersCredentialsAndVerifiesTheCertificate() {
        ServiceMonitor plain = Manifests.named(ServiceMonitor.class, "scrum-poker");
        JsonNode endpoint = application.path("monitoring").path("endpoints").get(0);
        assertEquals(JSON.valueToTree(plain.getSpec().getEndpoints().get(0).getBasicAuth()), endpoint.path("basicAuth"));
        assertEquals("/metrics", endpoint.path("path").asText());
        assertEquals("https", endpoint.path("scheme").asText());
        assertFalse(endpoint.path("tlsConfig").path("insecureSkipVerify").asBoolean());
        JsonNode ca = endpoint.path("tlsConfig").path("ca").path("configMap");
        ConfigMap serviceCa = Manifests.named(ConfigMap.class, ca.path("name").asText());
        assertEquals("true", serviceCa.getMetadata().getAnnotations().get("service.beta.openshift.io/inject-cabundle"));
        assertEquals("service-ca.crt", ca.path("key").asText());
        // The service certificate names <service>.<namespace>.svc.
        assertEquals("scrum-poker.scrum-poker.svc", endpoint.path("tlsConfig").path("serverName").asText());
    }

    @Test
    void dayTwoExamplesNeedTheServiceabilityVolumeAndNameTheirPod() {
        assertTrue(application.path("serviceability").path("size").asText().endsWith("Gi"),
                "dumps and traces are written to the serviceability volume");
        JsonNode dump = Manifests.tree("OpenLibertyDump", "scrum-poker-dump-1").path("spec");
        assertTrue(dump.path("podName").asText().startsWith("scrum-poker-"));
        dump.path("include").forEach(kind -> assertTrue(Set.of("thread", "heap", "system").contains(kind.asText())));
        JsonNode trace = Manifests.tree("OpenLibertyTrace", "scrum-poker-trace").path("spec");
        assertTrue(trace.path("podName").asText().startsWith("scrum-poker-"));
        for (String clause : trace.path("traceSpecification").asText().split(":")) {
            assertTrue(clause.matches("[*a-z.]+=(off|fatal|severe|warning|audit|info|config|detail|fine|finer|finest|all)"), clause);
        }
        // The operator writes the trace setting into configDropins/overrides and the image's entrypoint writes the
        // certificate's keystore there: this variant must not mount a read-only ConfigMap over it.
        assertFalse(application.path("volumeMounts").toString().contains("configDropins"));
    }
}
