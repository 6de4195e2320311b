package dev.scrumpoker.openshift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The schemas of custom resources that no fabric8 model covers (KEDA's), taken from the CustomResourceDefinitions the
 * project itself publishes, and a check of a manifest against them that is stricter than the API server: a field the
 * schema does not name is an error here, where the server would prune it silently and the setting would do nothing.
 * The definitions come from the project's Go module, fetched by {@code go mod download} into Go's module cache.
 */
final class CustomResourceSchemas {

    /** The KEDA release whose resources the Custom Metrics Autoscaler 2.17 serves (bound service account tokens). */
    static final String KEDA_MODULE = "github.com/kedacore/keda/v2@v2.17.2";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CustomResourceSchemas keda;

    /** apiVersion + " " + kind, to the openAPIV3Schema of that version. */
    private final Map<String, JsonNode> schemas;

    private CustomResourceSchemas(Map<String, JsonNode> schemas) {
        this.schemas = schemas;
    }

    static synchronized CustomResourceSchemas keda() {
        if (keda == null) {
            keda = fromDefinitions(moduleDirectory(KEDA_MODULE).resolve("config/crd/bases"));
        }
        return keda;
    }

    boolean covers(JsonNode manifest) {
        return schemas.containsKey(key(manifest.path("apiVersion").asText(), manifest.path("kind").asText()));
    }

    /** What in the manifest its definition does not allow, one line per problem, with the field's path. */
    List<String> violations(JsonNode manifest) {
        JsonNode schema = schemas.get(key(manifest.path("apiVersion").asText(), manifest.path("kind").asText()));
        if (schema == null) {
            return List.of("no definition of " + manifest.path("apiVersion").asText() + " " + manifest.path("kind").asText());
        }
        List<String> problems = new ArrayList<>();
        check(manifest, schema, "", problems);
        return problems;
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            if (!value.isTextual() && !value.isIntegralNumber()) {
                problems.add(path + ": an integer or a string");
            }
            return;
        }
        switch (schema.path("type").asText()) {
            case "object" -> checkObject(value, schema, path, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(path + ": a list");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.path("items"), path + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": a string (quote it)");
                } else if (schema.has("enum") && !contains(schema.path("enum"), value)) {
                    problems.add(path + ": one of " + schema.path("enum"));
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + ": an integer");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(path + ": a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": true or false");
                }
            }
            default -> {
                // No type: anything goes (the schema leaves it to the controller).
            }
        }
    }

    private static void checkObject(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (!value.isObject()) {
            problems.add(path + ": an object");
            return;
        }
        schema.path("required").forEach(required -> {
            if (!value.has(required.asText())) {
                problems.add(path + "." + required.asText() + ": required");
            }
        });
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        // metadata is "type: object" with no properties: the API server checks it, not the definition.
        boolean open = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()
                || additional.isBoolean() && additional.asBoolean() || properties.isMissingNode() && additional.isMissingNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), fieldPath, problems);
            } else if (additional.isObject()) {
                check(field.getValue(), additional, fieldPath, problems);
            } else if (!open) {
                problems.add(fieldPath + ": not a field of this resource");
            }
        }
    }

    private static boolean contains(JsonNode list, JsonNode value) {
        for (JsonNode item : list) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static CustomResourceSchemas fromDefinitions(Path folder) {
        Map<String, JsonNode> schemas = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.toString().endsWith(".yaml")).forEach(file -> {
                for (Manifests.Document document : Manifests.read(file)) {
                    JsonNode spec = document.tree().path("spec");
                    String group = spec.path("group").asText();
                    String kind = spec.path("names").path("kind").asText();
                    spec.path("versions").forEach(version -> schemas.put(key(group + "/" + version.path("name").asText(), kind),
                            version.path("schema").path("openAPIV3Schema")));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CustomResourceSchemas(schemas);
    }

    /** The module's directory in Go's module cache, downloading it there first if needed. */
    private static Path moduleDirectory(String module) {
        ProcessBuilder download = new ProcessBuilder(go(), "mod", "download", "-json", module).redirectErrorStream(true);
        // Read-only module directories would make the cache impossible to clean without Go.
        download.environment().merge("GOFLAGS", "-modcacherw", (mine, added) -> mine + " " + added);
        try {
            Process process = download.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("go mod download " + module + " failed:\n" + output);
            }
            return Path.of(JSON.readTree(output).path("Dir").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Go (needed for KEDA's resource definitions; scripts/test.sh installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Go as scripts/services.sh finds it for stripe-mock: where go.dev installs it, else the one on the PATH. */
    private static String go() {
        Path goDev = Path.of("/usr/local/go/bin/go");
        return Files.isExecutable(goDev) ? goDev.toString() : "go";
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }
}
