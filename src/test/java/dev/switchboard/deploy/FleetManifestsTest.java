package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes/fleet as shipped: replicas that share the targets through Leases. Its StatefulSet is the
 * single replica's but for what a fleet needs, so that the two cannot drift apart; the RBAC grants the Leases
 * and nothing else to the account the pods run as.
 */
class FleetManifestsTest {

    private static final Path FLEET = Path.of("deploy/kubernetes/fleet");

    private static JsonNode env(JsonNode set, String name) {
        for (JsonNode variable : set.at("/spec/template/spec/containers/0/env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("no " + name + " in the fleet's StatefulSet");
    }

    @Test
    void theReplicasAreSaidOnceMoreInSwitchboardReplicasAndHoldLeasesAsTheirPodsName() throws IOException {
        JsonNode set = DeployFiles.documents(FLEET.resolve("statefulset.yaml")).get(0);

        assertThat(set.at("/spec/replicas").asInt()).isGreaterThan(1);
        assertThat(env(set, "SWITCHBOARD_REPLICAS").path("value").asText()).isEqualTo(set.at("/spec/replicas").asText());
        assertThat(env(set, "SWITCHBOARD_MEMBERSHIP").path("value").asText()).isEqualTo("kubernetes");
        assertThat(env(set, "SWITCHBOARD_LEASE_IDENTITY").at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");
        assertThat(set.at("/spec/serviceName").asText()).isEqualTo("switchboard-pods");
        assertThat(set.at("/spec/template/spec/automountServiceAccountToken").asBoolean()).isTrue();
    }

    @Test
    void isTheSingleReplicasStatefulSetButForWhatAFleetNeeds() throws IOException {
        ObjectNode fleet = (ObjectNode) DeployFiles.documents(FLEET.resolve("statefulset.yaml")).get(0);
        ObjectNode single = (ObjectNode) DeployFiles.documents(Path.of("deploy/kubernetes/base/statefulset.yaml")).get(0);
        for (ObjectNode set : List.of(fleet, single)) {
            ObjectNode spec = (ObjectNode) set.get("spec");
            spec.remove(List.of("replicas", "podManagementPolicy"));
            ObjectNode pod = (ObjectNode) spec.at("/template/spec");
            pod.remove(List.of("serviceAccountName", "automountServiceAccountToken"));
            ((ObjectNode) pod.at("/containers/0")).withArray("env")
                    .removeIf(v -> v.path("name").asText().matches("SWITCHBOARD_(MEMBERSHIP|REPLICAS|CONCURRENT_TARGETS|LEASE_.*)"));
        }

        assertThat(fleet).isEqualTo(single);
    }

    @Test
    void grantsThePodsAccountTheLeasesAndNothingElse() throws IOException {
        List<JsonNode> rbac = DeployFiles.documents(FLEET.resolve("rbac.yaml"));
        JsonNode role = rbac.stream().filter(o -> o.path("kind").asText().equals("Role")).findFirst().orElseThrow();
        JsonNode binding = rbac.stream().filter(o -> o.path("kind").asText().equals("RoleBinding")).findFirst().orElseThrow();
        JsonNode set = DeployFiles.documents(FLEET.resolve("statefulset.yaml")).get(0);

        assertThat(role.path("rules")).hasSize(1);
        assertThat(role.at("/rules/0/apiGroups").toString()).isEqualTo("[\"coordination.k8s.io\"]");
        assertThat(role.at("/rules/0/resources").toString()).isEqualTo("[\"leases\"]");
        assertThat(role.at("/rules/0/verbs").toString())
                .isEqualTo("[\"get\",\"list\",\"watch\",\"create\",\"update\",\"patch\",\"delete\"]");
        assertThat(binding.at("/roleRef/name").asText()).isEqualTo(role.at("/metadata/name").asText());
        assertThat(binding.at("/subjects/0/name").asText()).isEqualTo(set.at("/spec/template/spec/serviceAccountName").asText());
        assertThat(DeployFiles.documents(FLEET.resolve("kustomization.yaml")).get(0).path("resources").toString())
                .contains("../shared", "rbac.yaml", "statefulset.yaml");
    }
}
