package dev.scrumpoker.openshift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What the app says about itself, read from its sources: server.xml's variables, config keys, metric names. */
final class AppFacts {

    private static final Path SOURCES = Manifests.ROOT.resolve("liberty-app/src/main/java");

    private AppFacts() {
    }

    /** server.xml's {@code <variable name defaultValue>}s. */
    static Map<String, String> serverXmlVariables() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList variables = factory.newDocumentBuilder().parse(Manifests.ROOT.resolve("server.xml").toFile())
                    .getElementsByTagName("variable");
            Map<String, String> defaults = new TreeMap<>();
            for (int i = 0; i < variables.getLength(); i++) {
                Element variable = (Element) variables.item(i);
                defaults.put(variable.getAttribute("name"), variable.getAttribute("defaultValue"));
            }
            return defaults;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read server.xml", e);
        }
    }

    /**
     * Environment names the app reads: server.xml's variables, every MicroProfile Config key in the sources turned
     * into its environment form (redis.url → REDIS_URL), and the variables read with System.getenv.
     */
    static Set<String> environmentNames() {
        Set<String> names = new TreeSet<>(serverXmlVariables().keySet());
        String sources = allSources();
        Matcher key = Pattern.compile("@ConfigProperty\\(name = \"([a-z.]+)\"").matcher(sources);
        while (key.find()) {
            names.add(key.group(1).replace('.', '_').toUpperCase());
        }
        Matcher env = Pattern.compile("System\\.getenv\\(\"([A-Z_]+)\"\\)").matcher(sources);
        while (env.find()) {
            names.add(env.group(1));
        }
        return names;
    }

    /** The names of the metrics the app registers itself ({@code withName("...")} or {@code counter("...", tags)}). */
    static Set<String> applicationMetrics() {
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("(?:withName|counter)\\(\"(scrumpoker_[a-z_]+)\"").matcher(allSources());
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    static String read(String relativePath) {
        try {
            return Files.readString(Manifests.ROOT.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String allSources() {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }
}
