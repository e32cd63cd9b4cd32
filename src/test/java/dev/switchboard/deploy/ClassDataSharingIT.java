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
 * The launcher's class data archive: the first run of a build that reads a desired state writes it beside the
 * jar (a {@code --version} before it does not), later runs map it, a newer build writes it again, and none of it
 * shows in what a command prints.
 */
class ClassDataSharingIT {

    private static final Path LAUNCHER = Path.of("switchboard").toAbsolutePath();
    private static final String QUICKSTART = Path.of("examples/quickstart").toAbsolutePath().toString();

    @TempDir
    Path temp;

    @Test
    void theFirstRunThatLoadsWritesTheArchiveLaterRunsMapItAndANewerBuildWritesItAgain() throws Exception {
        // a build of its own, so that the archive beside it is this test's
        Path app = ScriptRun.copyOfTheBuild(temp);
        Path jar = app.resolve("quarkus-run.jar");
        Path archive = app.resolve("quarkus-run.jsa");
        Files.deleteIfExists(archive);
        Map<String, String> environment = Map.of("SWITCHBOARD_JAR", jar.toString());

        ScriptRun version = ScriptRun.of(temp, environment, "bash", LAUNCHER.toString(), "--version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output().lines().toList()).as("nothing but the version").hasSize(3)
                .first().asString().startsWith("switchboard ");
        assertThat(archive).as("an archive of --version alone would lack the classes of real work").doesNotExist();

        // the subcommand after an option of the top command, as picocli takes it
        ScriptRun first = ScriptRun.of(temp, environment, "bash", LAUNCHER.toString(), "--log-level", "warn", "validate",
                "-c", QUICKSTART);
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).as("nothing but the validation").startsWith("Valid: ");
        assertThat(archive).isNotEmptyFile();
        try (Stream<Path> files = Files.list(app)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial")).toList())
                    .as("the archive is moved into place whole").isEmpty();
        }

        Path classes = temp.resolve("classes.log");
        ScriptRun second = ScriptRun.of(temp, Map.of("SWITCHBOARD_JAR", jar.toString(),
                "JAVA_OPTS", "-Xlog:class+load=info:file=" + classes), "bash", LAUNCHER.toString(), "validate", "-c", QUICKSTART);
        assertThat(second.output()).isEqualTo(first.output());
        List<String> mapped = Files.readAllLines(classes).stream()
                .filter(line -> line.contains("source: shared objects file (top)")).toList();
        assertThat(mapped).as("classes mapped from the archive").hasSizeGreaterThan(1000)
                .as("the YAML parser's among them: the archive holds what loading a desired state needs")
                .anyMatch(line -> line.contains(" org.yaml.snakeyaml."));

        // a build newer than the archive
        Files.setLastModifiedTime(archive, FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        Files.setLastModifiedTime(jar, FileTime.from(java.time.Instant.now().minusSeconds(60)));
        ScriptRun rebuilt = ScriptRun.of(temp, environment, "bash", LAUNCHER.toString(), "validate", "-c", QUICKSTART);
        assertThat(rebuilt.exitCode()).as(rebuilt.output()).isZero();
        assertThat(Files.getLastModifiedTime(archive)).as("written again for the newer jar")
                .isGreaterThan(Files.getLastModifiedTime(jar));
    }
}
