package dev.scrumpoker.openshift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.openshift.api.model.Route;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.fabric8.tekton.v1.ParamSpec;
import io.fabric8.tekton.v1.PipelineRun;
import io.fabric8.tekton.v1.Pipeline;
import io.fabric8.tekton.v1.PipelineTask;
import io.fabric8.tekton.v1.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manifests agree with the app and with each other: ports and settings with server.xml and the app's config,
 * probes with its health endpoints, selectors with the pods, the image with the Containerfile and the pipeline,
 * and the pipeline's load stage with the command CI runs.
 */
class ConsistencyTest {

    private static final Set<String> HEALTH_ENDPOINTS = Set.of("/health/started", "/health/ready", "/health/live");

    private final Deployment deployment = Manifests.named(Deployment.class, "scrum-poker");
    private final Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    private final Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

    @Test
    void containerPortsAreServerXmlsPorts() {
        Map<String, String> variables = AppFacts.serverXmlVariables();
        Map<String, Integer> ports = app.getPorts().stream()
                .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
        Map<String, String> config = Manifests.named(ConfigMap.class, "scrum-poker-config").getData();

        assertEquals(Integer.valueOf(variables.get("HTTP_PORT")), ports.get("http"));
        assertEquals(Integer.valueOf(variables.get("HTTPS_PORT")), ports.get("https"));
        assertEquals(variables.get("HTTP_PORT"), config.get("HTTP_PORT"));
        assertEquals(variables.get("HTTPS_PORT"), config.get("HTTPS_PORT"));
    }

    @Test
    void probesAskTheAppsHealthEndpointsOnItsHttpPort() {
        for (Probe probe : List.of(app.getStartupProbe(), app.getReadinessProbe(), app.getLivenessProbe())) {
            assertTrue(HEALTH_ENDPOINTS.contains(probe.getHttpGet().getPath()), probe.getHttpGet().getPath());
            assertEquals("http", probe.getHttpGet().getPort().getStrVal());
        }
        assertEquals("/health/ready", app.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/health/live", app.getLivenessProbe().getHttpGet().getPath(),
                "liveness must not depend on PostgreSQL or Redis, or their outage restarts every pod");
    }

    @Test
    void everyEnvironmentNameIsOneTheAppReads() {
        Set<String> readByApp = AppFacts.environmentNames();
        Set<String> given = new TreeSet<>(Manifests.named(ConfigMap.class, "scrum-poker-config").getData().keySet());
        app.getEnv().stream().map(EnvVar::getName).forEach(given::add);

        Set<String> unknown = new TreeSet<>(given);
        unknown.removeAll(readByApp);
        assertEquals(Set.of(), unknown, "settings the app would ignore");
        assertTrue(given.containsAll(Set.of("DB_PASSWORD", "REDIS_PASSWORD", "JWT_PRIVATE_KEY", "STRIPE_API_KEY",
                "STRIPE_WEBHOOK_SECRET", "ADMIN_PASSWORD")), "every secret the app needs in production is provided");
    }

    @Test
    void secretsComeFromSecretReferences() {
        for (EnvVar env : app.getEnv()) {
            assertTrue(env.getValue() == null && env.getValueFrom().getSecretKeyRef() != null,
                    () -> env.getName() + " must come from a Secret");
        }
    }

    @Test
    void serviceRouteBudgetAutoscalerAndMonitorAllPointAtTheApp() {
        Service service = Manifests.named(Service.class, "scrum-poker");
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()));
        Set<String> servicePorts = service.getSpec().getPorts().stream().map(ServicePort::getName).collect(Collectors.toSet());
        Set<String> containerPorts = app.getPorts().stream().map(ContainerPort::getName).collect(Collectors.toSet());
        service.getSpec().getPorts().forEach(port -> assertTrue(containerPorts.contains(port.getTargetPort().getStrVal())));

        Route route = Manifests.named(Route.class, "scrum-poker");
        assertEquals(service.getMetadata().getName(), route.getSpec().getTo().getName());
        assertEquals("http", route.getSpec().getPort().getTargetPort().getStrVal());
        assertEquals("edge", route.getSpec().getTls().getTermination());
        assertTrue(route.getMetadata().getAnnotations().containsKey("haproxy.router.openshift.io/timeout-tunnel"),
                "WebSockets need a tunnel timeout longer than the app's 60 s idle close");

        PodDisruptionBudget budget = Manifests.named(PodDisruptionBudget.class, "scrum-poker");
        assertTrue(podLabels.entrySet().containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()));

        // The autoscaler owns the number of pods: a count in the Deployment would reset it on every `oc apply`,
        // dropping the WebSockets of every pod above it.
        assertEquals(null, deployment.getSpec().getReplicas(), "the Deployment leaves replicas to the autoscaler");
        assertTrue(Manifests.ofType(HorizontalPodAutoscaler.class).isEmpty(), "KEDA creates and owns the HPA");

        ServiceMonitor monitor = Manifests.named(ServiceMonitor.class, "scrum-poker");
        assertTrue(service.getMetadata().getLabels().entrySet()
                .containsAll(monitor.getSpec().getSelector().getMatchLabels().entrySet()));
        monitor.getSpec().getEndpoints().forEach(endpoint -> {
            assertTrue(servicePorts.contains(endpoint.getPort()), endpoint.getPort());
            assertEquals("/metrics", endpoint.getPath());
        });
    }

    @Test
    void kedaScalesTheDeploymentOnCpuAndOnConnectionsReadFromThanosWithAToken() {
        JsonNode scaling = Manifests.tree("ScaledObject", "scrum-poker").path("spec");
        assertEquals("Deployment", scaling.path("scaleTargetRef").path("kind").asText());
        assertEquals(deployment.getMetadata().getName(), scaling.path("scaleTargetRef").path("name").asText());
        PodDisruptionBudget budget = Manifests.named(PodDisruptionBudget.class, "scrum-poker");
        assertTrue(scaling.path("minReplicaCount").asInt() > budget.getSpec().getMaxUnavailable().getIntVal(),
                "a pod drained at the floor leaves another serving");
        assertTrue(app.getResources().getRequests().containsKey("cpu"), "CPU utilisation is a share of the request");

        JsonNode cpu = scaling.path("triggers").get(0);
        assertEquals("cpu", cpu.path("type").asText());
        assertEquals("Utilization", cpu.path("metricType").asText());
        JsonNode connections = scaling.path("triggers").get(1);
        assertEquals("prometheus", connections.path("type").asText());
        assertEquals("AverageValue", connections.path("metricType").asText(), "the sum over pods, divided by the pods");
        JsonNode query = connections.path("metadata");
        assertTrue(query.path("serverAddress").asText().startsWith("https://thanos-querier.openshift-monitoring.svc"));
        // The tenancy port answers for one namespace, the one the app runs in.
        assertTrue(query.path("serverAddress").asText().endsWith(":9092"));
        assertEquals("scrum-poker", query.path("namespace").asText());
        assertTrue(AppFacts.applicationMetrics().contains("scrumpoker_ws_connections"));
        // The ServiceMonitor's series carry the Service's name as their job.
        assertEquals("sum(scrumpoker_ws_connections{job=\"" + Manifests.named(Service.class, "scrum-poker").getMetadata().getName()
                + "\"})", query.path("query").asText());
        assertEquals("bearer", query.path("authModes").asText());

        JsonNode authentication = Manifests.tree("TriggerAuthentication", connections.path("authenticationRef").path("name").asText())
                .path("spec");
        JsonNode token = authentication.path("boundServiceAccountToken").get(0);
        assertEquals("bearerToken", token.path("parameter").asText());
        String reader = token.path("serviceAccountName").asText();
        Manifests.named(ServiceAccount.class, reader);
        RoleBinding binding = Manifests.ofType(RoleBinding.class).stream()
                .filter(candidate -> candidate.getSubjects().stream().anyMatch(subject -> subject.getName().equals(reader)))
                .findFirst().orElseThrow(() -> new AssertionError("no RoleBinding for " + reader));
        Role role = Manifests.named(Role.class, binding.getRoleRef().getName());
        assertTrue(role.getRules().stream().anyMatch(rule -> rule.getResources().contains("pods") && rule.getVerbs().contains("get")),
                "the tenancy port checks that the token may get pods in the namespace");
        JsonNode ca = authentication.path("configMapTargetRef").get(0);
        assertEquals("ca", ca.path("parameter").asText());
        ConfigMap serviceCa = Manifests.named(ConfigMap.class, ca.path("name").asText());
        assertEquals("true", serviceCa.getMetadata().getAnnotations().get("service.beta.openshift.io/inject-cabundle"));
        assertEquals("service-ca.crt", ca.path("key").asText(), "the key the service CA operator fills in");
    }

    @Test
    void everyClaimAPipelineRunMountsIsAmongTheManifests() {
        Set<String> claims = Manifests.ofType(PersistentVolumeClaim.class).stream()
                .map(claim -> claim.getMetadata().getName()).collect(Collectors.toSet());
        List<PipelineRun> runs = Manifests.ofType(PipelineRun.class);
        assertTrue(!runs.isEmpty(), "the distributed run is among the manifests");
        runs.forEach(run -> run.getSpec().getWorkspaces().stream()
                .filter(workspace -> workspace.getPersistentVolumeClaim() != null)
                .forEach(workspace -> {
                    String name = workspace.getPersistentVolumeClaim().getClaimName();
                    assertTrue(claims.contains(name), () -> run.getMetadata().getGenerateName() + " mounts " + name
                            + ", which nothing creates");
                    assertEquals(List.of("ReadWriteMany"), Manifests.named(PersistentVolumeClaim.class, name).getSpec()
                            .getAccessModes(), "generators on several nodes write to it at once");
                }));
    }

    @Test
    void theRouteKeepsLongTimeoutsForWebSocketsOnlyAndAsksBrowsersForHttpsOnly() {
        Map<String, String> annotations = Manifests.named(Route.class, "scrum-poker").getMetadata().getAnnotations();

        assertEquals(null, annotations.get("haproxy.router.openshift.io/timeout"),
                "an hour-long server timeout would apply to every REST call too; only the tunnel needs it");
        assertEquals("1h", annotations.get("haproxy.router.openshift.io/timeout-tunnel"));
        assertTrue(annotations.getOrDefault("haproxy.router.openshift.io/hsts_header", "").startsWith("max-age="),
                "HSTS on the edge-terminated Route");
    }

    @Test
    void theCloneTakesAnyRevisionAndTheImagesAreTaggedWithTheCommitItResolved() {
        Task clone = Manifests.named(Task.class, "scrum-poker-git-clone");
        String script = clone.getSpec().getSteps().get(0).getScript();
        assertFalse(script.contains("--branch"), "git clone --branch takes branch and tag names only, never a SHA");
        assertTrue(script.contains("$(results.commit.path)"), "the clone answers the commit it checked out");

        Pipeline pipeline = Manifests.named(Pipeline.class, "scrum-poker");
        List<String> imageParams = new java.util.ArrayList<>();
        Stream.concat(pipeline.getSpec().getTasks().stream(), pipeline.getSpec().getFinally().stream())
                .flatMap(task -> task.getParams().stream())
                .filter(param -> param.getName().equals("image") || param.getName().equals("loadtest-image"))
                .forEach(param -> imageParams.add(param.getValue().getStringVal()));
        assertTrue(imageParams.size() >= 3, imageParams::toString);
        imageParams.forEach(image -> {
            assertFalse(image.contains("$(params.git-revision)"), image + ": a branch like feature/x is no image tag");
            assertTrue(image.endsWith(":$(tasks.fetch.results.commit)") || image.contains("@$(tasks."),
                    image + " is tagged with the commit or pinned by digest");
        });
    }

    @Test
    void theDataTierIsGovernedByHeadlessServicesAndProbedWithTime() {
        for (StatefulSet store : Manifests.ofType(StatefulSet.class)) {
            Service governing = Manifests.named(Service.class, store.getSpec().getServiceName());
            assertEquals("None", governing.getSpec().getClusterIP(), store.getMetadata().getName()
                    + ": a StatefulSet's serviceName must be a headless Service");
            assertTrue(store.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                    .containsAll(governing.getSpec().getSelector().entrySet()));
            Container container = store.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertTrue(container.getStartupProbe() != null, container.getName() + " has a startup probe");
            for (Probe probe : List.of(container.getStartupProbe(), container.getReadinessProbe(),
                    container.getLivenessProbe())) {
                assertTrue(probe.getExec() != null, container.getName() + ": probes ask the server, not the port");
                assertTrue(probe.getTimeoutSeconds() != null && probe.getTimeoutSeconds() >= 3,
                        container.getName() + ": a loaded server needs more than the default 1 s to answer");
            }
        }
        Container redis = Manifests.named(StatefulSet.class, "scrum-poker-redis").getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        String args = String.join(" ", redis.getArgs());
        assertTrue(args.contains("--appendonly yes"), "the append-only file the comments promise");
        assertTrue(args.contains("--maxmemory ") && args.contains("--maxmemory-policy noeviction"),
                "a memory cap under the container's limit, and no eviction of node leases");
    }

    @Test
    void onlyTheRouterAndTheLoadGeneratorsReachTheAppAndOnlyMonitoringItsAdminPort() {
        List<NetworkPolicy> policies = Manifests.ofType(NetworkPolicy.class);
        assertTrue(policies.stream().anyMatch(policy -> isEmpty(policy.getSpec().getPodSelector().getMatchLabels())
                        && isEmpty(policy.getSpec().getPodSelector().getMatchExpressions())
                        && policy.getSpec().getPolicyTypes().contains("Ingress")
                        && (policy.getSpec().getIngress() == null || policy.getSpec().getIngress().isEmpty())),
                "a default-deny policy for every pod of the namespace");

        Map<String, Set<String>> appPortsOpenTo = new java.util.TreeMap<>();
        policies.stream().filter(policy -> !isEmpty(policy.getSpec().getPodSelector().getMatchLabels())
                        && podLabels.entrySet().containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet()))
                .flatMap(policy -> policy.getSpec().getIngress().stream())
                .forEach(rule -> rule.getPorts().forEach(port -> appPortsOpenTo
                        .computeIfAbsent(port.getPort().getStrVal(), name -> new TreeSet<>())
                        .addAll(rule.getFrom().stream().map(ConsistencyTest::peer).toList())));
        assertEquals(Map.of(
                "http", Set.of("namespace policy-group.network.openshift.io/ingress=", "namespace kubernetes.io/metadata.name=scrum-poker"),
                "https", Set.of("namespace kubernetes.io/metadata.name=openshift-user-workload-monitoring")),
                appPortsOpenTo, "Admin Center and /metrics (HTTPS) for the monitoring stack only");
    }

    private static boolean isEmpty(Object selectorPart) {
        return selectorPart == null || selectorPart instanceof Map<?, ?> map && map.isEmpty()
                || selectorPart instanceof List<?> list && list.isEmpty();
    }

    private static String peer(NetworkPolicyPeer peer) {
        if (peer.getNamespaceSelector() != null) {
            return "namespace " + peer.getNamespaceSelector().getMatchLabels().entrySet().stream()
                    .map(label -> label.getKey() + "=" + label.getValue()).collect(Collectors.joining(","));
        }
        return "pods " + peer.getPodSelector().getMatchLabels();
    }

    @Test
    void theHeapLeavesTheContainerRoomForWhatIsNotHeap() throws Exception {
        String options = Files.readString(Manifests.OPENSHIFT.resolve("image/jvm.options"));
        Matcher share = Pattern.compile("(?m)^-XX:MaxRAMPercentage=(\\d+)$").matcher(options);
        assertTrue(share.find(), "the heap is a share of the container's limit");
        long limitMi = app.getResources().getLimits().get("memory").getNumericalAmount()
                .divide(java.math.BigDecimal.valueOf(1024L * 1024)).longValue();
        long nonHeapMi = limitMi - limitMi * Long.parseLong(share.group(1)) / 100;

        assertTrue(nonHeapMi >= 512, "JIT, class cache, thread stacks and socket buffers get " + nonHeapMi + " Mi");
        assertFalse(options.contains("-Xgcpolicy:balanced"), "balanced is for multi-gigabyte heaps and was never measured");
    }

    @Test
    void theDistributedRunNeedsNoBetaFieldsAndEveryGeneratorGetsItsCores() {
        PipelineRun run = Manifests.ofType(PipelineRun.class).get(0);
        List<PipelineTask> generators = run.getSpec().getPipelineSpec().getTasks();
        assertEquals(4, generators.size(), "four generators");
        generators.forEach(task -> assertEquals(null, task.getMatrix(),
                task.getName() + ": matrix needs enable-api-fields: beta, off by default in OpenShift Pipelines"));
        assertEquals(List.of("1", "2", "3", "4"), generators.stream().map(task -> task.getParams().stream()
                .filter(param -> param.getName().equals("generator")).findFirst().orElseThrow().getValue()
                .getStringVal()).toList());

        var step = loadStep(Manifests.named(Task.class, "scrum-poker-load-test"));
        assertTrue(step.getComputeResources() != null
                        && step.getComputeResources().getLimits().containsKey("memory")
                        && step.getComputeResources().getRequests().containsKey("cpu"),
                "the generator's JVM gets the memory and cores it needs");
    }

    @Test
    void dumpsAndGcLogsLandOnAVolumeAndTracesChangeWithoutARestart() throws Exception {
        Map<String, String> mounts = app.getVolumeMounts().stream()
                .collect(Collectors.toMap(VolumeMount::getMountPath, VolumeMount::getName));
        String serviceability = mounts.get("/serviceability");
        assertTrue(serviceability != null, "a serviceability volume");
        assertTrue(deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .anyMatch(volume -> volume.getName().equals(serviceability) && volume.getEmptyDir() != null
                        && volume.getEmptyDir().getSizeLimit() != null), "bounded, and outliving a container restart");
        assertTrue(app.getResources().getLimits().containsKey("ephemeral-storage"), "logs and dumps cannot fill the node");

        String options = Files.readString(Manifests.OPENSHIFT.resolve("image/jvm.options"));
        Matcher path = Pattern.compile("(?m)^-X(?:verbosegclog:|dump:.*file=)(/[^,\\s]*)").matcher(options);
        int paths = 0;
        while (path.find()) {
            paths++;
            assertTrue(path.group(1).startsWith("/serviceability/"), path.group(1) + " is inside the container only");
        }
        assertEquals(3, paths, "the GC log, the heap dump and the javacore");

        String overrides = mounts.get("/config/configDropins/overrides");
        String configMap = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(volume -> volume.getName().equals(overrides)).findFirst().orElseThrow()
                .getConfigMap().getName();
        String logging = Manifests.named(ConfigMap.class, configMap).getData().get("logging.xml");
        assertTrue(logging.contains("traceSpecification="), "the live trace switch");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(logging.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertFalse(AppFacts.read("docs/operations.md").contains("jcmd 1"), "the runbook does not assume PID 1 and a JDK");
    }

    @Test
    void everyPodOfADeployRunsTheSameImageAndADeployRollsOutOnce() {
        assertEquals("IfNotPresent", app.getImagePullPolicy(), "a pulled tag must not change under a running rollout");
        String triggers = deployment.getMetadata().getAnnotations().get("image.openshift.io/triggers");
        assertTrue(triggers != null && triggers.contains("\"ImageStreamTag\"") && triggers.contains(app.getName()),
                "OpenShift pins the image by digest for a manual apply");

        Pipeline pipeline = Manifests.named(Pipeline.class, "scrum-poker");
        String deploy = pipeline.getSpec().getTasks().stream().filter(task -> task.getName().equals("deploy"))
                .findFirst().orElseThrow().getParams().get(0).getValue().getStringVal();
        assertFalse(deploy.contains("oc set env -n"), "changing the live Deployment after applying it is a second rollout");
        assertTrue(deploy.contains("@$(tasks.app-image.results.IMAGE_DIGEST)"), "the pipeline deploys the digest it built");
    }

    @Test
    void theImageIsTheOneThePipelineBuildsFromTheContainerfile() throws Exception {
        Pipeline pipeline = Manifests.named(Pipeline.class, "scrum-poker");
        String built = paramDefault(pipeline, "app-image");
        assertTrue(app.getImage().startsWith(built + ":"), app.getImage() + " is not built by the pipeline (" + built + ")");

        String containerfile = AppFacts.read("openshift/image/Containerfile");
        String libertyVersion = matching(AppFacts.read("pom.xml"), "<openliberty.version>([^<]+)<");
        assertTrue(containerfile.contains("FROM icr.io/appcafe/open-liberty:" + libertyVersion + "-"),
                "the image runs the Liberty version the tests ran on (" + libertyVersion + ")");
        assertTrue(containerfile.contains("\nUSER 1001"), "runs as non-root");
        Path context = Path.of(System.getProperty("image.context"));
        Matcher copy = Pattern.compile("(?m)^COPY --chown=1001:0 (\\S+) ").matcher(containerfile);
        int copies = 0;
        while (copy.find()) {
            copies++;
            assertTrue(Files.exists(context.resolve(copy.group(1))), copy.group(1) + " missing from the image context");
        }
        assertEquals(4, copies);
        assertEquals(Files.readString(Manifests.ROOT.resolve("server.xml")), Files.readString(context.resolve("server.xml")),
                "the image carries the one server.xml");
    }

    @Test
    void theLoadStageRunsTheCommandCiRunsAndGatesThePipeline() {
        Task loadTest = Manifests.named(Task.class, "scrum-poker-load-test");
        String script = loadStep(loadTest).getScript();
        assertTrue(script.contains("./scripts/run-scenarios.sh"), script);
        assertTrue(script.contains("set -euo pipefail"), "a failed scenario fails the step, and the pipeline");
        assertTrue(AppFacts.read("scripts/loadtest.sh").contains("./scripts/run-scenarios.sh"), "CI runs the same");
        for (String check : List.of("--warm-up", "--prove-thresholds")) {
            assertTrue(script.contains(check), "the pipeline's load stage runs " + check + " as CI does");
            assertTrue(AppFacts.read("scripts/loadtest.sh").contains(check), "CI runs " + check);
        }

        Pipeline pipeline = Manifests.named(Pipeline.class, "scrum-poker");
        String ciScenarios = matching(AppFacts.read("scripts/loadtest.sh"), "scenarios=\\(([^)]+)\\)");
        assertEquals(ciScenarios, paramDefault(pipeline, "scenarios"), "the pipeline runs the scenarios CI runs");
        assertEquals("full", paramDefault(pipeline, "profile"), "the product's targets unless asked for less");

        List<String> order = pipeline.getSpec().getTasks().stream().map(PipelineTask::getName).toList();
        assertEquals(List.of("fetch", "image-context", "app-image", "loadtest-image", "deploy", "wait-ready", "load-test"),
                order);
        PipelineTask load = pipeline.getSpec().getTasks().get(6);
        assertTrue(load.getRunAfter().contains("wait-ready"), "load only a ready deployment");
        assertEquals("scrum-poker-publish-reports", pipeline.getSpec().getFinally().get(0).getTaskRef().getName(),
                "reports are published whatever the outcome");
        Set<String> taskNames = Manifests.ofType(Task.class).stream().map(task -> task.getMetadata().getName())
                .collect(Collectors.toSet());
        pipeline.getSpec().getTasks().forEach(task -> assertTrue(taskNames.contains(task.getTaskRef().getName()),
                task.getTaskRef().getName() + " is not defined in openshift/pipeline"));
    }

    @Test
    void theLoadGoesThroughTheRouteAsUsersDoAndCiRunsThatPathToo() {
        Task loadTest = Manifests.named(Task.class, "scrum-poker-load-test");
        assertEquals("route", loadTest.getSpec().getParams().stream().filter(param -> param.getName().equals("entry"))
                .findFirst().orElseThrow().getDefault().getStringVal(), "TLS, tunnel timeout and balancing are measured");
        String finding = loadTest.getSpec().getSteps().get(0).getScript();
        assertTrue(finding.contains("oc get route scrum-poker"), finding);
        assertTrue(finding.contains("echo \"https://$host\""), "REST over TLS and wss through the Route");
        assertTrue(finding.contains("default-ingress-cert"), "the router's CA, not trust in every certificate");
        String running = loadStep(loadTest).getScript();
        assertTrue(running.contains("--url \"$(cat /entry/url)\""), running);
        assertTrue(running.contains("--ca /entry/ca.crt"), running);
        String ci = AppFacts.read("scripts/loadtest.sh");
        assertTrue(ci.contains("--url https://") && ci.contains("--ca "), "CI runs the TLS path of the generator too");
        // And the image the pipeline builds is built in CI and loads the app from inside, gated like the rest.
        assertTrue(ci.contains("./scripts/loadtest-image.sh build") && ci.contains("./scripts/loadtest-image.sh run"), ci);
        assertTrue(AppFacts.read("scripts/loadtest-image.sh").contains("BASE_IMAGE=$BASE"),
                "built on the locally made JDK 17 base, through the Containerfile's BASE_IMAGE");
    }

    @Test
    void everyFileTheOperationsGuideAppliesExists() {
        String guide = AppFacts.read("docs/operations.md");
        Matcher path = Pattern.compile("(?:openshift|scripts)/[\\w./-]+\\.(?:yaml|sh|json)").matcher(guide);
        int paths = 0;
        while (path.find()) {
            paths++;
            assertTrue(Files.exists(Manifests.ROOT.resolve(path.group())), path.group() + " is named in docs/operations.md");
        }
        assertTrue(paths > 20, "the walk-through names the files it applies");
    }

    private static io.fabric8.tekton.v1.Step loadStep(Task loadTest) {
        return loadTest.getSpec().getSteps().stream().filter(step -> step.getName().equals("run-scenarios")).findFirst()
                .orElseThrow(() -> new AssertionError("no run-scenarios step"));
    }

    @Test
    void theTestNamespacesStripeMockIsTheVersionCiRuns() {
        Deployment mock = Manifests.named(Deployment.class, "scrum-poker-stripe-mock");
        String version = matching(AppFacts.read("scripts/services.sh"), "STRIPE_MOCK_VERSION=(\\S+)");

        assertEquals("docker.io/stripe/stripe-mock:" + version,
                mock.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        Pipeline pipeline = Manifests.named(Pipeline.class, "scrum-poker");
        String deploy = pipeline.getSpec().getTasks().stream().filter(task -> task.getName().equals("deploy"))
                .findFirst().orElseThrow().getParams().get(0).getValue().getStringVal();
        assertTrue(deploy.contains("-f openshift/test/") && deploy.contains("STRIPE_API_BASE=http://scrum-poker-stripe-mock:12111"),
                "load tests in the test namespace talk to stripe-mock, never to Stripe");
    }

    private static String paramDefault(Pipeline pipeline, String name) {
        return pipeline.getSpec().getParams().stream().filter(param -> param.getName().equals(name))
                .map(ParamSpec::getDefault).map(value -> value.getStringVal()).findFirst()
                .orElseThrow(() -> new AssertionError("no pipeline param " + name));
    }

    private static String matching(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), regex);
        return matcher.group(1);
    }
}
