package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classes of a short command, loaded on a thread of their own while Quarkus starts: the build records the
 * classes a plan of the quickstart loads beside the jar ({@code quarkus-run.classes}), and the packaged
 * application loads what that list names, classes its command does not need among them, unless
 * {@code SWITCHBOARD_PRELOAD=off}.
 */
class ClassPreloadingIT {

    private static final Path LAUNCHER = Path.of("switchboard").toAbsolutePath();
    /** A class of plans' JUnit output, which the simulators never load. */
    private static final String NOT_THE_SIMULATORS = "dev.switchboard.render.JunitRenderer";

    @TempDir
    Path temp;

    @Test
    void theBuildRecordsTheClassesAPlanLoadsBesideTheJar() throws Exception {
        List<String> names = Files.readAllLines(Path.of("target/quarkus-app/quarkus-run.classes")).stream()
                .map(line -> line.split(" ", 2)[0]).toList();
        assertThat(names).as("start-up, the plan command, loading, a provider's REST client")
                .contains("io.quarkus.runner.ApplicationImpl", "dev.switchboard.cli.PlanCommand",
                        "org.yaml.snakeyaml.LoaderOptions", "dev.switchboard.systems.officelinx.OfficelinxClient");
        assertThat(names.indexOf("io.quarkus.runner.ApplicationImpl")).as("in the order they were loaded")
                .isLessThan(names.indexOf("dev.switchboard.cli.PlanCommand"));
    }

    @Test
    void thePackagedApplicationLoadsTheListedClassesUnlessTurnedOff() throws Exception {
        Path app = ScriptRun.copyOfTheBuild(temp);
        Files.write(app.resolve("quarkus-run.classes"), List.of(
                "java.lang.Object source: shared objects file",
                NOT_THE_SIMULATORS + " source: file:" + app + "/app/switchboard.jar"));

        Path off = temp.resolve("off.log");
        runSimulatorsUntil(app, off, Map.of("SWITCHBOARD_PRELOAD", "off"), "listening on", 0);
        assertThat(Files.readString(off)).as("the simulators alone do not load it").contains(" picocli.CommandLine ")
                .doesNotContain(" " + NOT_THE_SIMULATORS + " ");

        Path on = temp.resolve("on.log");
        runSimulatorsUntil(app, on, Map.of(), "listening on", TimeUnit.MINUTES.toMillis(1));
        assertThat(Files.readString(on)).as("loaded from the list").contains(" " + NOT_THE_SIMULATORS + " ");
    }

    /**
     * Starts {@code switchboard sim} with the class-loading log in {@code log}, waits for a line of its output, then
     * (up to {@code waitForClassMillis}) for the log to name {@link #NOT_THE_SIMULATORS}, and stops it.
     */
    private void runSimulatorsUntil(Path app, Path log, Map<String, String> environment, String line,
            long waitForClassMillis) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", LAUNCHER.toString(), "sim", "--port", "0")
                .directory(temp.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SWITCHBOARD"));
        builder.environment().putAll(Map.of("SWITCHBOARD_JAR", app.resolve("quarkus-run.jar").toString(),
                "SWITCHBOARD_CDS", "off", "JAVA_OPTS", "-Xlog:class+load=info:file=" + log));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String read;
            do {
                read = output.readLine();
                assertThat(read).as("the simulators ended before saying \"%s\"", line).isNotNull();
            } while (!read.contains(line));
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitForClassMillis);
            while (System.nanoTime() < deadline && !Files.readString(log).contains(" " + NOT_THE_SIMULATORS + " ")) {
                Thread.sleep(50);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
    }
}
