package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class data archive: the first run of a build writes it beside the jar, later runs map it,
 * a newer build writes it again, and none of it shows in what a command prints.
 */
class ClassDataSharingIT {

    private static final Path LAUNCHER = Path.of("switchboard").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void theFirstRunWritesTheArchiveLaterRunsMapItAndANewerBuildWritesItAgain() throws Exception {
        Path app = temp.resolve("quarkus-app");
        // a build of its own, so that the archive beside it is this test's
        ScriptRun copy = ScriptRun.of(Path.of("").toAbsolutePath(), Map.of(), "cp", "-r",
                Path.of("target/quarkus-app").toAbsolutePath().toString(), app.toString());
        assertThat(copy.exitCode()).as(copy.output()).isZero();
        Path jar = app.resolve("quarkus-run.jar");
        Path archive = app.resolve("quarkus-run.jsa");
        Files.deleteIfExists(archive);
        Map<String, String> environment = Map.of("SWITCHBOARD_JAR", jar.toString());

        ScriptRun first = ScriptRun.of(temp, environment, "bash", LAUNCHER.toString(), "--version");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output().lines().toList()).as("nothing but the version").hasSize(3)
                .first().asString().startsWith("switchboard ");
        assertThat(archive).isNotEmptyFile();
        try (Stream<Path> files = Files.list(app)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial")).toList())
                    .as("the archive is moved into place whole").isEmpty();
        }

        Path classes = temp.resolve("classes.log");
        ScriptRun second = ScriptRun.of(temp, Map.of("SWITCHBOARD_JAR", jar.toString(),
                "JAVA_OPTS", "-Xlog:class+load=info:file=" + classes), "bash", LAUNCHER.toString(), "--version");
        assertThat(second.output()).isEqualTo(first.output());
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded.stream().filter(line -> line.contains("source: shared objects file (top)")).count())
                .as("classes mapped from the archive").isGreaterThan(1000);

        // a build newer than the archive
        Files.setLastModifiedTime(archive, FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        Files.setLastModifiedTime(jar, FileTime.from(java.time.Instant.now().minusSeconds(60)));
        ScriptRun rebuilt = ScriptRun.of(temp, environment, "bash", LAUNCHER.toString(), "--version");
        assertThat(rebuilt.exitCode()).as(rebuilt.output()).isZero();
        assertThat(Files.getLastModifiedTime(archive)).as("written again for the newer jar")
                .isGreaterThan(Files.getLastModifiedTime(jar));
    }
}
