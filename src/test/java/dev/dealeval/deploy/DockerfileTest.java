package dev.dealeval.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image's build stage is given everything the Maven build reads from the project: the wrapper,
 * pom.xml, src/ and every top-level path pom.xml names under ${project.basedir}. Building the image
 * itself takes a container builder, which the test suite does not have; this catches what broke it
 * once: the generated clients read openapi/openapi.json, and the Dockerfile did not copy it. Files the
 * Dockerfile copies must exist and must not be left out of the context by .dockerignore.
 */
class DockerfileTest {
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(?!--from)(?:--\\S+\\s+)*(.+)$");
    private static final Pattern BASEDIR = Pattern.compile("\\$\\{project\\.basedir}/([^/<\"\\s]+)");

    /** The sources of each COPY of the stage (the last word of a COPY line is its destination). */
    private static Set<String> copied(String stage) {
        Set<String> out = new TreeSet<>();
        Matcher m = COPY.matcher(stage);
        while (m.find()) {
            String[] words = m.group(1).trim().split("\\s+");
            for (int i = 0; i < words.length - 1; i++) {
                out.add(words[i].replaceAll("/$", ""));
            }
        }
        return out;
    }

    private static List<String> stages() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        List<String> stages = new ArrayList<>(List.of(dockerfile.split("(?m)^FROM ")));
        stages.remove(0); // what comes before the first FROM
        return stages;
    }

    @Test
    void theBuildStageCopiesEverythingTheBuildReads() throws Exception {
        Set<String> copied = copied(stages().get(0));
        Set<String> needed = new TreeSet<>(Set.of("mvnw", "pom.xml", ".mvn", "src"));
        Matcher m = BASEDIR.matcher(Files.readString(Path.of("pom.xml")));
        while (m.find()) {
            needed.add(m.group(1));
        }
        assertTrue(needed.contains("openapi"), "pom.xml reads openapi/ (the generated clients): " + needed);
        for (String path : needed) {
            assertTrue(copied.contains(path), "the build stage must COPY " + path + " (it copies " + copied + ")");
        }
    }

    @Test
    void everyFileTheImageCopiesExistsAndIsInTheContext() throws Exception {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        for (String stage : stages()) {
            for (String path : copied(stage)) {
                assertTrue(Files.exists(Path.of(path)), "the Dockerfile copies " + path + ", which does not exist");
                String top = path.split("/")[0];
                assertFalse(
                        ignored.contains(top) || ignored.contains(path),
                        ".dockerignore leaves " + path + " out of the build context, and the Dockerfile copies it");
            }
        }
    }
}
