package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes client is loaded by what uses it only (serve with {@code SWITCHBOARD_MEMBERSHIP=kubernetes}, an
 * apply under {@code settings.lock: kubernetes}): the packaged {@code --version} and a plan of the quickstart load
 * neither its model nor its implementation. The {@code quarkus-kubernetes-client} extension loaded 330 of the
 * model's classes while Quarkus started, in every command. (A plan may load the client's interfaces, which the
 * verifier checks the engine's code against: three classes.)
 */
class KubernetesClientLoadingIT {

    private static final Path LAUNCHER = Path.of("switchboard").toAbsolutePath();
    private static final List<String> MODEL_AND_CLIENT = List.of(" io.fabric8.kubernetes.api.",
            " io.fabric8.kubernetes.client.impl.", " io.fabric8.kubernetes.client.vertx.", " io.fabric8.kubernetes.internal.");
    private static final String QUICKSTART = Path.of("examples/quickstart").toAbsolutePath().toString();

    @TempDir
    Path temp;

    @Test
    void neitherVersionNorAPlanLoadsTheKubernetesModelOrClient() throws Exception {
        assertThat(kubernetesClassesLoadedBy("--version")).isEmpty();
        assertThat(kubernetesClassesLoadedBy("plan", "-c", QUICKSTART)).isEmpty();
    }

    private List<String> kubernetesClassesLoadedBy(String... command) throws Exception {
        Path classes = Files.createTempFile(temp, "classes", ".log");
        String[] commandLine = new String[command.length + 2];
        commandLine[0] = "bash";
        commandLine[1] = LAUNCHER.toString();
        System.arraycopy(command, 0, commandLine, 2, command.length);
        // no class data archive: this test's runs are not to write one beside the build the other tests use
        ScriptRun run = ScriptRun.of(temp, Map.of("SWITCHBOARD_CDS", "off",
                "JAVA_OPTS", "-Xlog:class+load=info:file=" + classes), commandLine);
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).as("the log of the classes loaded").anyMatch(line -> line.contains(" picocli.CommandLine "));
        return loaded.stream().filter(line -> MODEL_AND_CLIENT.stream().anyMatch(line::contains)).toList();
    }
}
