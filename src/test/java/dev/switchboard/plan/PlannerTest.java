package dev.switchboard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.systems.officelinx.OfficelinxKinds;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.systems.xci.XciKinds;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

    @Test
    void createsWhatIsDeclaredButNotOnTheServer() {
        TargetPlan plan = PlanFixtures.plan("create").targets().get(0);
        assertThat(plan.changes()).filteredOn(c -> c.action() == Action.CREATE).hasSize(6).allSatisfy(c -> {
            assertThat(c.before()).isEmpty();
            assertThat(c.liveFingerprint()).isEmpty();
            assertThat(c.liveId()).isEmpty();
            assertThat(c.fields()).extracting(f -> f.field()).containsExactlyElementsOf(c.after().orElseThrow().fields().keySet());
        });
    }

    @Test
    void reportsUndeclaredObjectsAsUnmanagedWhenTheTargetDoesNotPrune() {
        TargetPlan plan = PlanFixtures.plan("create").targets().get(0);
        assertThat(plan.changes()).filteredOn(c -> c.action() == Action.UNMANAGED)
                .extracting(c -> c.key().toString(), Change::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("company Default", "no file declares it; prune is off"),
                        org.assertj.core.groups.Tuple.tuple("featureGroup Default/1", "no file declares it; prune is off"));
    }

    @Test
    void unmanagedObjectsAloneAreNoChanges() {
        TargetSpec target = target("olx-main", TargetSpec.Policy.DEFAULT);
        Resource company1 = Resource.live(ResourceKey.of(OfficelinxKinds.COMPANY, "Default"), "1",
                Map.of("name", "Default"), Set.of());
        TargetPlan plan = new Planner().plan(target, ResourceSet.empty("olx-main"),
                ResourceSet.of("olx-main", List.of(company1)), PlanFixtures.capabilities("officelinx"));
        assertThat(plan.summary()).isEqualTo(new Summary(0, 0, 0, 1, 0));
        assertThat(Plan.of(List.of(plan)).hasChanges()).isFalse();
    }

    @Test
    void updatesDeclaredFieldsThatDifferWithTheLiveFingerprint() {
        Change mailbox = change(PlanFixtures.plan("update"), "mailbox Acme/1001");
        assertThat(mailbox.action()).isEqualTo(Action.UPDATE);
        assertThat(mailbox.reason()).isEqualTo("declared fields differ: lastName, featureGroup");
        assertThat(mailbox.liveFingerprint()).contains(Fingerprint.of(mailbox.before().orElseThrow()));
        assertThat(mailbox.liveId()).contains("7");
    }

    @Test
    void listsObjectsInSyncAsNoOps() {
        Plan plan = PlanFixtures.plan("no-op");
        assertThat(plan.changes()).extracting(Change::action).containsOnly(Action.NO_OP).hasSize(3);
        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.summary().noOp()).isEqualTo(3);
    }

    @Test
    void prunesUndeclaredObjectsWhenTheTargetPrunes() {
        Plan plan = PlanFixtures.plan("prune");
        assertThat(plan.changes()).filteredOn(c -> c.action() == Action.DELETE)
                .extracting(c -> c.key().toString())
                .containsExactly("address Acme/1002/0/1002", "mailbox Acme/1002", "featureGroup Acme/57");
        assertThat(plan.errors()).isEmpty();
    }

    @Test
    void keepsObjectsTheApiRefusesToDeleteUnmanagedWithTheReason() {
        Change company1 = change(PlanFixtures.plan("prune"), "company Default");
        assertThat(company1.action()).isEqualTo(Action.UNMANAGED);
        assertThat(company1.reason()).isEqualTo(
                "no file declares it; not pruned: Officelinx refuses to delete company 1");
    }

    @Test
    void keepsKindsTheApiCannotDeleteUnmanagedWithTheReason() {
        Plan plan = PlanFixtures.plan("refusals");
        Change lyon = change(plan, "xivo xivo-lyon");
        assertThat(lyon.action()).isEqualTo(Action.UNMANAGED);
        assertThat(lyon.reason()).endsWith("not pruned: the API cannot delete a xivo");
        assertThat(plan.errors()).noneMatch(e -> e.key().equals(lyon.key()));
    }

    @Test
    void refusesUpdatesOfKindsTheApiCannotUpdate() {
        Plan plan = PlanFixtures.plan("refusals");
        assertThat(plan.errors()).singleElement().satisfies(error -> {
            assertThat(error.reason()).isEqualTo(PlanError.Reason.CANNOT_UPDATE);
            assertThat(error.key()).isEqualTo(ResourceKey.of(XciKinds.XIVO, "xivo-paris"));
        });
        assertThat(plan.hasErrors()).isTrue();
    }

    @Test
    void refusesToDeleteAProtectedObject() {
        Plan plan = PlanFixtures.plan("protect");
        assertThat(plan.errors()).singleElement().satisfies(error -> {
            assertThat(error.reason()).isEqualTo(PlanError.Reason.PROTECTED);
            assertThat(error.toString()).isEqualTo("olx-main: featureGroup Acme/56 is protected by "
                    + "'featureGroup/Acme/56' in the protect list of target olx-main: refusing to delete it; "
                    + "declare it again, or take it off that list first");
        });
    }

    @Test
    void refusesCreatesOfKindsTheApiCannotCreate() {
        TargetCapabilities noCreate = TargetCapabilities.of(new TargetCapabilities.KindCapabilities(
                OfficelinxKinds.COMPANY, false, true, true, r -> java.util.Optional.empty()));
        Resource acme = PlanFixtures.desired("protect").resourcesOf("olx-main").all().iterator().next();
        TargetPlan plan = new Planner().plan(target("olx-main", TargetSpec.Policy.DEFAULT),
                ResourceSet.of("olx-main", List.of(acme)), ResourceSet.empty("olx-main"), noCreate);
        assertThat(plan.errors()).extracting(PlanError::reason).containsExactly(PlanError.Reason.CANNOT_CREATE);
    }

    @Test
    void aReadOnlyTargetWithChangesIsNoPlanErrorButBlocksApply() {
        TargetSpec readOnly = target("olx-main", new TargetSpec.Policy(false, true, false, 25, 30, 8));
        Resource acme = PlanFixtures.desired("protect").resourcesOf("olx-main").all().iterator().next();
        TargetPlan target = new Planner().plan(readOnly, ResourceSet.of("olx-main", List.of(acme)),
                ResourceSet.empty("olx-main"), PlanFixtures.capabilities("officelinx"));
        Plan plan = Plan.of(List.of(target));
        assertThat(plan.hasErrors()).isFalse();
        assertThat(plan.readOnlyTargetsWithChanges()).containsExactly("olx-main");
        assertThat(SafetyPolicy.evaluate(plan, true).refusals()).singleElement().hasToString(
                "olx-main: target olx-main is readOnly: apply will refuse these changes");
        assertThat(new dev.switchboard.render.TextRenderer(false).render(plan))
                .contains("Note: target olx-main is readOnly: apply will refuse these changes.");
    }

    @Test
    void spellsActionsAsTheSpecDoes() {
        assertThat(List.of(Action.values())).extracting(Action::json)
                .containsExactly("create", "update", "delete", "replace", "unmanaged", "no-op");
        assertThat(List.of(Action.values())).extracting(Action::symbol).containsExactly("+", "~", "-", "-/+", "?", " ");
        assertThat(List.of(Action.values())).filteredOn(Action::callsApi)
                .containsExactly(Action.CREATE, Action.UPDATE, Action.DELETE, Action.REPLACE);
        assertThat(Action.fromJson("no-op")).isEqualTo(Action.NO_OP);
    }

    static TargetSpec target(String name, TargetSpec.Policy policy) {
        return new TargetSpec(name, "officelinx", "embedded", Map.of(), Map.of(), TargetSpec.Tls.DEFAULT, policy);
    }

    static Change change(Plan plan, String key) {
        return plan.changes().stream().filter(c -> c.key().toString().equals(key)).findFirst().orElseThrow();
    }
}
