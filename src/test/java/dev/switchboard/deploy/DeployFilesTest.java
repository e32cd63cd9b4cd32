package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The files of deploy/ and examples/ as shipped, one test per trap of issue 16 that made them fail on a
 * user's first day. Rendering and schema validation of the manifests, actionlint and the GitLab CI schema
 * run in .ci/run (deploy/check/); these read the files themselves, in every build.
 */
class DeployFilesTest {

    private static final Path KUBERNETES = Path.of("deploy/kubernetes");

    /** The manifest files a kustomization directory takes in, following directories (not components). */
    private static List<Path> resourcesOf(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (JsonNode entry : DeployFiles.documents(dir.resolve("kustomization.yaml")).get(0).path("resources")) {
            Path resource = dir.resolve(entry.asText()).normalize();
            files.addAll(Files.isDirectory(resource) ? resourcesOf(resource) : List.of(resource));
        }
        return files;
    }

    private static JsonNode statefulSet() throws IOException {
        return DeployFiles.documents(KUBERNETES.resolve("base/statefulset.yaml")).get(0);
    }

    @Test
    void applyingTheKustomizationNeverOverwritesTheSecretsNorNeedsThePrometheusOperator() throws IOException {
        List<Path> resources = resourcesOf(KUBERNETES);
        assertThat(resources).isNotEmpty();
        for (Path file : resources) {
            for (JsonNode object : DeployFiles.documents(file)) {
                assertThat(object.path("kind").asText()).as(file.toString()).isNotIn("Secret", "ServiceMonitor");
            }
        }
        JsonNode component = DeployFiles.documents(KUBERNETES.resolve("components/servicemonitor/kustomization.yaml")).get(0);
        assertThat(component.path("kind").asText()).isEqualTo("Component");
        assertThat(DeployFiles.documents(KUBERNETES.resolve("with-servicemonitor/kustomization.yaml")).get(0).path("components").toString())
                .contains("components/servicemonitor");
        // The documented way to create them instead.
        assertThat(Files.readString(KUBERNETES.resolve("secret.example.yaml")))
                .contains("kubectl create secret generic switchboard \\\n#     --from-file=git-token=./git-token")
                .contains("kubectl create secret generic switchboard-credentials --from-env-file=credentials.env");
    }

    @Test
    void theDataDirectoryIsOnAPersistentVolumeClaimOfAStatefulSet() throws IOException {
        JsonNode set = statefulSet();
        assertThat(set.path("kind").asText()).isEqualTo("StatefulSet");
        assertThat(set.at("/spec/volumeClaimTemplates/0/metadata/name").asText()).isEqualTo("data");
        JsonNode pod = set.at("/spec/template/spec");
        for (JsonNode volume : pod.path("volumes")) {
            assertThat(volume.path("name").asText()).as("no emptyDir data volume").isNotEqualTo("data");
        }
        JsonNode container = pod.path("containers").get(0);
        assertThat(container.path("volumeMounts").toString())
                .contains("{\"name\":\"data\",\"mountPath\":\"/var/lib/switchboard\"}");
        assertThat(container.path("env").toString()).contains("{\"name\":\"HOME\",\"value\":\"/var/lib/switchboard\"}");
        // Probes and resources stay; the heap bound of the launcher is a share of this limit.
        assertThat(container.has("livenessProbe") && container.has("readinessProbe") && container.has("startupProbe")).isTrue();
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("512Mi");
    }

    @Test
    void everyCredentialOfTheEnterpriseExampleIsWired() throws IOException {
        Set<String> needed = DeployFiles.environmentReferences(Path.of("examples/enterprise"));
        Set<String> template = new TreeSet<>();
        Files.readAllLines(KUBERNETES.resolve("credentials.env.example")).stream()
                .filter(line -> line.matches("[A-Z_][A-Z0-9_]*=.*")).forEach(line -> template.add(line.split("=")[0]));
        assertThat(template).isEqualTo(needed);
        JsonNode credentials = DeployFiles.documents(KUBERNETES.resolve("secret.example.yaml")).stream()
                .filter(secret -> secret.at("/metadata/name").asText().equals("switchboard-credentials")).findFirst().orElseThrow();
        Set<String> keys = new TreeSet<>();
        credentials.path("stringData").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(needed);
        // The StatefulSet takes every key of that Secret as an environment variable.
        assertThat(statefulSet().at("/spec/template/spec/containers/0/envFrom").toString())
                .contains("{\"secretRef\":{\"name\":\"switchboard-credentials\"}}");
    }

    @Test
    void theSystemdUnitMakesEveryCredentialOptionalAndItsStateDirectoryHome() throws IOException {
        List<String> unit = Files.readAllLines(Path.of("deploy/systemd/switchboard.service"));
        List<String> credentials = unit.stream().filter(line -> line.startsWith("LoadCredential=")).toList();
        // One directory: systemd fails the start for a missing file, not for a missing file in a directory.
        assertThat(credentials).containsExactly("LoadCredential=switchboard:/etc/switchboard/credentials");
        assertThat(unit).contains("StateDirectory=switchboard", "Environment=HOME=%S/switchboard",
                "Environment=SWITCHBOARD_DATA_DIR=%S/switchboard", "ExecStart=/opt/switchboard/bin/switchboard serve",
                "ProtectSystem=strict", "EnvironmentFile=-/etc/switchboard/switchboard.env");
    }

    @Test
    void thePipelinesRunAReleaseAndApplyTheReviewedPlanBehindAGate() throws IOException {
        JsonNode github = DeployFiles.documents(Path.of("deploy/ci/github-actions.yml")).get(0);
        String githubText = Files.readString(Path.of("deploy/ci/github-actions.yml"));
        assertThat(githubText).doesNotContain("mvn ").doesNotContain("switchboard-src").contains("switchboard-ci plan");
        JsonNode apply = github.at("/jobs/apply");
        assertThat(apply.path("environment").isMissingNode()).as("apply waits for the environment's reviewers").isFalse();
        assertThat(apply.path("needs").toString()).contains("plan");
        assertThat(apply.toString()).contains("actions/download-artifact").contains("switchboard-ci apply switchboard-plan/plan.json")
                .doesNotContain("switchboard-ci plan");

        JsonNode gitlab = DeployFiles.documents(Path.of("deploy/ci/gitlab-ci.yml")).get(0);
        String gitlabText = Files.readString(Path.of("deploy/ci/gitlab-ci.yml"));
        assertThat(gitlabText).doesNotContain("git clone").doesNotContain("mvn ").contains("switchboard-ci plan");
        JsonNode gitlabApply = gitlab.path("apply");
        assertThat(gitlabApply.toString()).contains("\"when\":\"manual\"").contains("switchboard-ci apply switchboard-plan/plan.json");
        assertThat(gitlabApply.path("environment").isMissingNode()).isFalse();
        assertThat(gitlabApply.path("needs").toString()).contains("plan");
    }

    @Test
    void everyExampleIgnoresTheMachinesOwnSwitchboardDirectory() throws IOException {
        try (Stream<Path> examples = Files.list(Path.of("examples"))) {
            List<Path> dirs = examples.filter(Files::isDirectory).toList();
            assertThat(dirs).hasSizeGreaterThanOrEqualTo(2);
            for (Path example : dirs) {
                assertThat(example.resolve(".gitignore")).as(example + " has a .gitignore").exists();
                assertThat(Files.readAllLines(example.resolve(".gitignore"))).as(example.toString()).contains(".switchboard/");
            }
        }
    }
}
