package dev.switchboard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.diff.NormalizerRegistry;
import dev.switchboard.diff.WriteOnlyPolicy;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.plan.TargetCapabilities.KindCapabilities;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Singleton kinds: objects that exist by themselves on the server (per-user settings) are only ever updated. */
class SingletonPlanTest {

    private static final ResourceKind SETTINGS = ResourceKind.of("test", "settings");
    private static final ResourceKind PIN = ResourceKind.of("test", "pin", "pin");
    private static final TargetCapabilities CAPABILITIES = TargetCapabilities.of(
            KindCapabilities.singletonOf(SETTINGS), KindCapabilities.singletonOf(PIN));

    private static TargetSpec target(boolean prune) {
        return new TargetSpec("t", "test", "embedded", Map.of(), Map.of(), TargetSpec.Tls.DEFAULT,
                new TargetSpec.Policy(prune, false, false, 25, 30, 8));
    }

    private static Resource live(ResourceKind kind, String user, Map<String, Object> fields) {
        return Resource.live(ResourceKey.of(kind, user), user, fields, Set.of());
    }

    private static Resource desired(ResourceKind kind, String user, Map<String, Object> fields) {
        return Resource.desired(ResourceKey.of(kind, user), fields, Set.of(), ResourceOptions.NONE,
                SourceLocation.startOf(Path.of("test.yaml")));
    }

    @Test
    void leavesUndeclaredLiveSingletonsOutOfThePlanEvenWhenTheTargetPrunes() {
        ResourceSet live = ResourceSet.of("t", List.of(live(SETTINGS, "200", Map.of("a", true)),
                live(SETTINGS, "201", Map.of("a", true))));
        for (boolean prune : new boolean[] {false, true}) {
            TargetPlan plan = new Planner().plan(target(prune), ResourceSet.empty("t"), live, CAPABILITIES);
            assertThat(plan.changes()).as("prune " + prune).isEmpty();
            assertThat(plan.errors()).isEmpty();
            assertThat(plan.hasChanges()).isFalse();
        }
    }

    @Test
    void updatesOnlyTheDeclaredFieldsOfADeclaredSingleton() {
        ResourceSet live = ResourceSet.of("t", List.of(live(SETTINGS, "200", Map.of("a", true, "b", "kept"))));
        ResourceSet desired = ResourceSet.of("t", List.of(desired(SETTINGS, "200", Map.of("a", false))));
        TargetPlan plan = new Planner().plan(target(true), desired, live, CAPABILITIES);
        assertThat(plan.changes()).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(Action.UPDATE);
            assertThat(change.fields()).extracting(f -> f.field()).containsExactly("a");
        });
        assertThat(plan.errors()).isEmpty();
    }

    @Test
    void refusesADeclaredSingletonThatTheServerDoesNotHave() {
        ResourceSet desired = ResourceSet.of("t", List.of(desired(SETTINGS, "299", Map.of("a", false))));
        TargetPlan plan = new Planner().plan(target(false), desired, ResourceSet.empty("t"), CAPABILITIES);
        assertThat(plan.errors()).singleElement().satisfies(error -> {
            assertThat(error.reason()).isEqualTo(PlanError.Reason.CANNOT_CREATE);
            assertThat(error.toString()).contains("settings 299 is not on the server")
                    .contains("cannot be created");
        });
    }

    @Test
    void sendsAWriteOnlyFieldOfASingletonOnlyWhenThePolicySaysSo() {
        ResourceSet live = ResourceSet.of("t", List.of(live(PIN, "200", Map.of())));
        ResourceSet desired = ResourceSet.of("t", List.of(desired(PIN, "200",
                Map.of("pin", Secret.fromReference("${env:PIN}", "1234")))));
        TargetPlan unchanged = new Planner(NormalizerRegistry.defaults(), WriteOnlyPolicy.NEVER)
                .plan(target(false), desired, live, CAPABILITIES);
        assertThat(unchanged.changes()).singleElement().extracting(Change::action).isEqualTo(Action.NO_OP);
        TargetPlan resent = new Planner(NormalizerRegistry.defaults(), WriteOnlyPolicy.ALWAYS)
                .plan(target(false), desired, live, CAPABILITIES);
        assertThat(resent.changes()).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(Action.UPDATE);
            assertThat(change.fields()).extracting(f -> f.field()).containsExactly("pin");
        });
    }

    @Test
    void aSingletonKindCannotBeCreatedOrDeleted() {
        KindCapabilities singleton = KindCapabilities.singletonOf(SETTINGS);
        assertThat(singleton.canCreate()).isFalse();
        assertThat(singleton.canDelete()).isFalse();
        assertThat(singleton.canUpdate()).isTrue();
        assertThat(singleton.refusingDeletion(r -> java.util.Optional.empty()).singleton()).isTrue();
        assertThat(KindCapabilities.full(SETTINGS).singleton()).isFalse();
    }
}
