package dev.scrumpoker.openshift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load generator's image (jmeter/Containerfile) is built from what its {@code COPY} lines put in the image, and
 * nothing else: its build step must work on exactly that. These checks assemble the same context in a scratch folder
 * and run Maven's reactor there, and read what the image leaves for the arbitrary uid OpenShift runs it with.
 */
class LoadGeneratorImageTest {

    private static final Path CONTAINERFILE = Manifests.ROOT.resolve("jmeter/Containerfile");
    private static final Pattern COPY = Pattern.compile("^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+(\\S+)\\s*$",
            Pattern.MULTILINE);

    @Test
    void mavenFindsEveryModuleInTheImagesBuildContext(@TempDir Path context) throws Exception {
        for (String[] copy : copies()) {
            copyInto(Manifests.ROOT.resolve(copy[0]), context, copy[1]);
        }

        // What the image's build step starts with (scripts/loadtest-setup.sh builds the jmeter module): the reactor
        // reads every module the parent names, so a module left out of the context stops the build.
        Process reactor = new ProcessBuilder("mvn", "-B", "-o", "-q", "-pl", "jmeter", "validate")
                .directory(context.toFile()).redirectErrorStream(true).start();
        String output = new String(reactor.getInputStream().readAllBytes());
        assertTrue(reactor.waitFor(120, TimeUnit.SECONDS), "Maven answered");
        assertEquals(0, reactor.exitValue(), () -> "Maven in the image's build context:\n" + output);
    }

    @Test
    void theUidOpenShiftAssignsHasAWritableHome() throws IOException {
        String containerfile = Files.readString(CONTAINERFILE);
        Matcher home = Pattern.compile("^ENV HOME=(\\S+)$", Pattern.MULTILINE).matcher(containerfile);

        // bzt writes ~/.bzt-rc on every run; the arbitrary uid has no passwd entry, so HOME would be "/".
        assertTrue(home.find(), "the image names a HOME");
        assertTrue(home.group(1).startsWith("/work/"), "HOME is under /work, which the image makes group-0 writable");
        int madeWritable = containerfile.indexOf("chmod -R g=u /work");
        assertTrue(madeWritable > 0 && containerfile.indexOf("mkdir -p " + home.group(1)) < madeWritable
                        && containerfile.contains("mkdir -p " + home.group(1)),
                "HOME exists before the image makes /work group-writable");
    }

    private static List<String[]> copies() throws IOException {
        List<String[]> copies = new ArrayList<>();
        Matcher copy = COPY.matcher(Files.readString(CONTAINERFILE));
        while (copy.find()) {
            copies.add(new String[] {copy.group(1), copy.group(2)});
        }
        assertTrue(copies.size() >= 3, "the Containerfile copies its context in");
        return copies;
    }

    /**
     * Copies like {@code COPY} into {@code context}: a folder's contents onto {@code destination}, a file into a folder
     * (a destination ending in {@code /}) or onto a name.
     */
    private static void copyInto(Path source, Path context, String destination) throws IOException {
        Path target = context.resolve(destination);
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                files.filter(Files::isRegularFile).filter(file -> !source.relativize(file).startsWith("target"))
                        .forEach(file -> copyFile(file, target.resolve(source.relativize(file).toString())));
            }
        } else {
            copyFile(source, destination.endsWith("/") ? target.resolve(source.getFileName()) : target);
        }
    }

    private static void copyFile(Path file, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
