package dev.switchboard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.systems.officelinx.OfficelinxKinds;
import dev.switchboard.model.ResourceKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderAndDependenciesTest {

    private static final ResourceKey ACME = ResourceKey.of(OfficelinxKinds.COMPANY, "Acme");
    private static final ResourceKey SALES = ResourceKey.of(OfficelinxKinds.DEPARTMENT, "Acme", "Sales");
    private static final ResourceKey EMEA = ResourceKey.of(OfficelinxKinds.DEPARTMENT, "Acme", "Sales", "EMEA");
    private static final ResourceKey GROUP_56 = ResourceKey.of(OfficelinxKinds.FEATURE_GROUP, "Acme", "56");
    private static final ResourceKey GROUP_57 = ResourceKey.of(OfficelinxKinds.FEATURE_GROUP, "Acme", "57");
    private static final ResourceKey MAILBOX_1001 = ResourceKey.of(OfficelinxKinds.MAILBOX, "Acme", "1001");
    private static final ResourceKey MAILBOX_1002 = ResourceKey.of(OfficelinxKinds.MAILBOX, "Acme", "1002");
    private static final ResourceKey ADDRESS_1001 = ResourceKey.of(OfficelinxKinds.ADDRESS, "Acme", "1001", "0", "1001");
    private static final ResourceKey ADDRESS_1002 = ResourceKey.of(OfficelinxKinds.ADDRESS, "Acme", "1002", "0", "1002");

    @Test
    void createsParentsBeforeChildrenInKindOrderThenDepth() {
        assertThat(keys(PlanFixtures.plan("create").targets().get(0).apiChanges()))
                .containsExactly(ACME, SALES, EMEA, GROUP_56, MAILBOX_1001, ADDRESS_1001);
    }

    @Test
    void deletesChildrenBeforeParentsAfterCreatesAndUpdates() {
        assertThat(keys(PlanFixtures.plan("prune").targets().get(0).apiChanges()))
                .containsExactly(MAILBOX_1001, ADDRESS_1002, MAILBOX_1002, GROUP_57);
    }

    @Test
    void listsUnmanagedAndUnchangedObjectsLast() {
        List<Change> changes = PlanFixtures.plan("prune").targets().get(0).changes();
        assertThat(changes.subList(4, changes.size())).extracting(Change::action)
                .containsOnly(Action.UNMANAGED, Action.NO_OP);
    }

    @Test
    void ordersNumericKeyPartsByValue() {
        assertThat(PlanFixtures.plan("delete-threshold").changes()).filteredOn(Change::callsApi)
                .extracting(c -> c.key().leaf()).containsExactly("8", "9", "10", "11");
    }

    @Test
    void aCreateWaitsForTheCreatesOfWhatItDependsOn() {
        DependencyGraph graph = PlanFixtures.plan("create").targets().get(0).dependencies();
        assertThat(graph.waitsFor(ACME)).isEmpty();
        assertThat(graph.waitsFor(SALES)).containsExactly(ACME);
        assertThat(graph.waitsFor(EMEA)).containsExactly(SALES);
        assertThat(graph.waitsFor(MAILBOX_1001)).containsExactlyInAnyOrder(ACME, GROUP_56, EMEA);
        assertThat(graph.waitsFor(ADDRESS_1001)).containsExactly(MAILBOX_1001);
    }

    @Test
    void aDeleteWaitsForTheDeletesAndUpdatesOfWhatDependsOnIt() {
        DependencyGraph graph = PlanFixtures.plan("prune").targets().get(0).dependencies();
        assertThat(graph.waitsFor(ADDRESS_1002)).isEmpty();
        assertThat(graph.waitsFor(MAILBOX_1002)).containsExactly(ADDRESS_1002);
        assertThat(graph.waitsFor(GROUP_57)).as("1001 moves off group 57 before it goes")
                .containsExactlyInAnyOrder(MAILBOX_1001, MAILBOX_1002);
        assertThat(graph.waitsFor(MAILBOX_1001)).as("its new group 56 exists already").isEmpty();
    }

    @Test
    void namesEveryDependantOfAFailedChangeSoTheyCanBeSkipped() {
        DependencyGraph graph = PlanFixtures.plan("create").targets().get(0).dependencies();
        assertThat(graph.dependantsOf(SALES)).containsExactlyInAnyOrder(EMEA, MAILBOX_1001, ADDRESS_1001);
        assertThat(graph.dependantsOf(ADDRESS_1001)).isEmpty();
        Change mailbox = graph.changes().stream().filter(c -> c.key().equals(MAILBOX_1001)).findFirst().orElseThrow();
        assertThat(graph.waitsFor(mailbox)).extracting(Change::action).containsOnly(Action.CREATE).hasSize(3);
    }

    @Test
    void leavesOutChangesThatCallNoApi() {
        DependencyGraph graph = PlanFixtures.plan("create").targets().get(0).dependencies();
        assertThat(graph.changes()).allMatch(Change::callsApi).hasSize(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"create", "update", "prune", "secrets", "refusals"})
    void theOrderNeverPutsAChangeBeforeOneItWaitsFor(String fixture) {
        for (TargetPlan target : PlanFixtures.plan(fixture).targets()) {
            DependencyGraph graph = target.dependencies();
            List<ResourceKey> order = keys(target.apiChanges());
            for (ResourceKey key : order) {
                for (ResourceKey prerequisite : graph.waitsFor(key)) {
                    assertThat(order.indexOf(prerequisite)).as(key + " waits for " + prerequisite)
                            .isLessThan(order.indexOf(key));
                }
            }
        }
    }

    private static List<ResourceKey> keys(List<Change> changes) {
        return changes.stream().map(Change::key).toList();
    }
}
