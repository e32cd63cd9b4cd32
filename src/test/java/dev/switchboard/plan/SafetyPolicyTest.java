package dev.switchboard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.systems.officelinx.OfficelinxKinds;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SafetyPolicyTest {

    private static final TargetSpec.Policy PRUNE = new TargetSpec.Policy(true, false, false, 25, 30, 8);

    @Test
    void refusesDeletesAboveMaxDeletePercentNamingThresholdAndCounts() {
        SafetyVerdict verdict = SafetyPolicy.evaluate(PlanFixtures.plan("delete-threshold"), false);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.refusals()).singleElement().hasToString("olx-main: plan deletes 4 of 12 live objects (33%), "
                + "above maxDeletePercent 25; use --force to apply anyway");
    }

    @Test
    void allowsDeletesExactlyAtMaxDeletePercent() {
        assertThat(SafetyPolicy.evaluate(plan(12, 3, 0, PRUNE), false).allowed()).as("3 of 12 is 25%").isTrue();
        assertThat(SafetyPolicy.evaluate(plan(12, 4, 0, PRUNE), false).allowed()).isFalse();
    }

    @Test
    void refusesUpdatesAboveMaxUpdatePercentAndAllowsThemAtIt() {
        assertThat(SafetyPolicy.evaluate(plan(10, 0, 3, PRUNE), false).allowed()).as("3 of 10 is 30%").isTrue();
        SafetyVerdict above = SafetyPolicy.evaluate(plan(10, 0, 4, PRUNE), false);
        assertThat(above.refusals()).singleElement().extracting(SafetyVerdict.Violation::message)
                .isEqualTo("plan updates 4 of 10 live objects (40%), above maxUpdatePercent 30; use --force to apply anyway");
    }

    @Test
    void takesTheThresholdsFromTheTargetPolicy() {
        TargetSpec.Policy strict = new TargetSpec.Policy(true, false, false, 10, 5, 8);
        assertThat(SafetyPolicy.evaluate(plan(10, 1, 0, strict), false).allowed()).isTrue();
        assertThat(SafetyPolicy.evaluate(plan(10, 2, 1, strict), false).refusals()).extracting(v -> v.message())
                .containsExactly("plan deletes 2 of 10 live objects (20%), above maxDeletePercent 10; use --force to apply anyway",
                        "plan updates 1 of 10 live objects (10%), above maxUpdatePercent 5; use --force to apply anyway");
    }

    @Test
    void exemptsTargetsWithFewerThanTenLiveObjects() {
        assertThat(SafetyPolicy.evaluate(plan(9, 9, 0, PRUNE), false).allowed()).isTrue();
        assertThat(SafetyPolicy.evaluate(plan(10, 10, 0, PRUNE), false).allowed()).isFalse();
    }

    @Test
    void forceOverridesThePercentageThresholdsAndSaysSo() {
        SafetyVerdict forced = SafetyPolicy.evaluate(PlanFixtures.plan("delete-threshold"), true);
        assertThat(forced.allowed()).isTrue();
        assertThat(forced.overridden()).singleElement().extracting(SafetyVerdict.Violation::overridable).isEqualTo(true);
    }

    @Test
    void forceNeverOverridesProtectOrWhatTheApiCannotDo() {
        assertThat(SafetyPolicy.evaluate(PlanFixtures.plan("protect"), true).refusals())
                .singleElement().extracting(SafetyVerdict.Violation::overridable).isEqualTo(false);
        assertThat(SafetyPolicy.evaluate(PlanFixtures.plan("refusals"), true).allowed()).isFalse();
    }

    /** {@code live} feature groups of which {@code deletes} are pruned and {@code updates} renamed. */
    private static Plan plan(int live, int deletes, int updates, TargetSpec.Policy policy) {
        List<Resource> liveObjects = new ArrayList<>();
        List<Resource> desired = new ArrayList<>();
        for (int n = 0; n < live; n++) {
            ResourceKey key = ResourceKey.of(OfficelinxKinds.FEATURE_GROUP, "Acme", String.valueOf(n));
            liveObjects.add(Resource.live(key, "id" + n, Map.of("number", (long) n, "name", "Group"), Set.of()));
            if (n >= deletes) {
                String name = n - deletes < updates ? "Renamed" : "Group";
                desired.add(Resource.desired(key, Map.of("number", (long) n, "name", name), Set.of(),
                        ResourceOptions.NONE, SourceLocation.startOf(Path.of("acme.yaml"))));
            }
        }
        TargetPlan target = new Planner().plan(PlannerTest.target("olx-main", policy),
                ResourceSet.of("olx-main", desired), ResourceSet.of("olx-main", liveObjects),
                PlanFixtures.capabilities("officelinx"));
        assertThat(target.summary().delete()).isEqualTo(deletes);
        assertThat(target.summary().update()).isEqualTo(updates);
        return Plan.of(List.of(target));
    }
}
