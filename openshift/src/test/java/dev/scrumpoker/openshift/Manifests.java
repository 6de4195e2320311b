package dev.scrumpoker.openshift;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The manifests in openshift/, read the way a cluster would: each YAML document becomes the typed fabric8 object of
 * its apiVersion and kind (Kubernetes, OpenShift, monitoring, Tekton). Fields the model does not know end up in
 * "additional properties"; {@link #unknownFields} finds them, so a typo is a test failure, not a silent no-op.
 */
final class Manifests {

    static final Path ROOT = Path.of(System.getProperty("repository.root", ".."));
    static final Path OPENSHIFT = ROOT.resolve("openshift");
    private static final List<String> FOLDERS = List.of("app", "data", "monitoring", "operator", "pipeline", "test");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** One YAML document of one file. */
    record Document(Path file, int index, JsonNode tree) {
        @Override
        public String toString() {
            return OPENSHIFT.relativize(file) + "#" + index + " " + tree.path("kind").asText();
        }

        KubernetesResource typed() {
            try {
                return YAML.treeToValue(tree, KubernetesResource.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + this, e);
            }
        }
    }

    static List<Document> all() {
        List<Document> documents = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> files = Files.list(OPENSHIFT.resolve(folder))) {
                files.filter(file -> file.toString().endsWith(".yaml")).sorted().forEach(file -> documents.addAll(read(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }

    static List<Document> read(Path file) {
        List<Document> documents = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(file.toFile());
             MappingIterator<JsonNode> trees = YAML.readValues(parser, JsonNode.class)) {
            int index = 0;
            while (trees.hasNext()) {
                JsonNode tree = trees.next();
                if (tree != null && !tree.isEmpty()) {
                    documents.add(new Document(file, index++, tree));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
        return documents;
    }

    /** The one object of this kind and name in the manifests. */
    static <T extends HasMetadata> T named(Class<T> type, String name) {
        return all().stream().map(Document::typed).filter(type::isInstance).map(type::cast)
                .filter(resource -> resource.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    /** The one document of this kind and name, as read: for kinds no fabric8 model covers (KEDA's). */
    static JsonNode tree(String kind, String name) {
        return all().stream().map(Document::tree)
                .filter(tree -> tree.path("kind").asText().equals(kind) && tree.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    static <T> List<T> ofType(Class<T> type) {
        return all().stream().map(Document::typed).filter(type::isInstance).map(type::cast).toList();
    }

    /** Paths of every field, at any depth, that the typed model did not recognise. */
    static List<String> unknownFields(Object model) {
        List<String> unknown = new ArrayList<>();
        walk(model, "", unknown);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> walk(item, path + "." + key, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                walk(field, path + "." + fieldName(getter), unknown);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String fieldName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
