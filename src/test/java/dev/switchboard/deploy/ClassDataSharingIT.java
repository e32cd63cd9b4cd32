package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class data archive: the build writes it beside the jar with its java, runs map it; where there is
 * none, or it is older than the jar or another java's, the first run of a build that reads a desired state writes
 * it (a {@code --version} before it does not), and none of it shows in what a command prints.
 */
class ClassDataSharingIT {

    private static final Path LAUNCHER = Path.of("switchboard").toAbsolutePath();
    private static final String QUICKSTART = Path.of("examples/quickstart").toAbsolutePath().toString();
    /** This JVM's java, which the build's also is (failsafe forks Maven's), first on the launcher's PATH. */
    private static final Path THIS_JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path temp;

    @Test
    void theBuildWritesTheArchiveWithItsJavaAndAShortCommandMapsIt() throws Exception {
        Path app = Path.of("target/quarkus-app").toAbsolutePath();
        Path archive = app.resolve("quarkus-run.jsa");
        assertThat(archive).as("written by the build's training plan").isNotEmptyFile();
        assertThat(Files.getLastModifiedTime(archive)).as("after the jar it is for")
                .isGreaterThan(Files.getLastModifiedTime(app.resolve("quarkus-run.jar")))
                .as("by the training plan, whose output the build closed once the launcher had moved it into place, and not by a later run")
                .isLessThanOrEqualTo(Files.getLastModifiedTime(Path.of("target/class-list-training.log")));
        assertThat(Files.readString(app.resolve("quarkus-run.jsa.jvm")).strip()).as("by the build's java")
                .isEqualTo(THIS_JAVA.toRealPath().toString());
        FileTime written = Files.getLastModifiedTime(archive);

        // --version never writes the archive, so this runs on the build itself
        Path classes = temp.resolve("classes.log");
        ScriptRun version = ScriptRun.of(temp, withThisJava(Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes)),
                "bash", LAUNCHER.toString(), "--version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(Files.readAllLines(classes).stream().filter(line -> line.contains("source: shared objects file (top)")))
                .as("classes mapped from the build's archive on the first run").hasSizeGreaterThan(1000)
                .as("the command line's among them").anyMatch(line -> line.contains(" dev.switchboard.cli."));
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(written);
    }

    @Test
    void anArchiveWrittenByAnotherJavaIsNotMappedAndTheFirstRunThatLoadsWritesItAgain() throws Exception {
        Path app = ScriptRun.copyOfTheBuild(temp);
        Path jar = app.resolve("quarkus-run.jar");
        Path archive = app.resolve("quarkus-run.jsa");
        Path writer = app.resolve("quarkus-run.jsa.jvm");
        Files.writeString(writer, "/opt/another-jdk/bin/java\n");
        FileTime stale = FileTime.from(java.time.Instant.now().minusSeconds(60));
        Files.setLastModifiedTime(jar, FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        Files.setLastModifiedTime(archive, stale);

        Path classes = temp.resolve("classes.log");
        ScriptRun version = ScriptRun.of(temp, withThisJava(Map.of("SWITCHBOARD_JAR", jar.toString(),
                "JAVA_OPTS", "-Xlog:class+load=info:file=" + classes)), "bash", LAUNCHER.toString(), "--version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(Files.readString(classes)).as("another java's archive is not mapped")
                .doesNotContain("source: shared objects file (top)");
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(stale);

        ScriptRun validate = ScriptRun.of(temp, withThisJava(Map.of("SWITCHBOARD_JAR", jar.toString())), "bash",
                LAUNCHER.toString(), "validate", "-c", QUICKSTART);
        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(Files.getLastModifiedTime(archive)).as("written again").isGreaterThan(stale);
        assertThat(Files.readString(writer).strip()).as("by this java").isEqualTo(THIS_JAVA.toRealPath().toString());
    }

    private static Map<String, String> withThisJava(Map<String, String> environment) {
        Map<String, String> with = new HashMap<>(environment);
        with.put("PATH", THIS_JAVA.getParent() + File.pathSeparator + System.getenv("PATH"));
        return with;
    }

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
