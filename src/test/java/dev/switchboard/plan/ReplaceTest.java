package dev.switchboard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.diff.NormalizerRegistry;
import dev.switchboard.model.KeyPattern;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.plan.TargetCapabilities.KindCapabilities;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The replace action: delete then create, for a kind the API can create and delete but not update. */
class ReplaceTest {

    static final ResourceKind GROUP = ResourceKind.of("test", "group");
    static final ResourceKind MEMBER = ResourceKind.of("test", "member");
    static final KindCapabilities NO_UPDATE = new KindCapabilities(GROUP, true, false, true, r -> Optional.empty());

    static TargetSpec target(TargetSpec.Policy policy) {
        return new TargetSpec("t", "test", "embedded", Map.of(), Map.of(), TargetSpec.Tls.DEFAULT, policy);
    }

    static Resource live(String name, String description) {
        return Resource.live(ResourceKey.of(GROUP, name), "id-" + name, Map.of("name", name, "description", description),
                Set.of());
    }

    static Resource desired(String name, String description, boolean protect) {
        return Resource.desired(ResourceKey.of(GROUP, name), Map.of("name", name, "description", description), Set.of(),
                new ResourceOptions(protect, Set.of()), SourceLocation.startOf(Path.of("test.yaml")));
    }

    static TargetPlan plan(TargetSpec target, List<Resource> desired, List<Resource> live, KindCapabilities can) {
        return new Planner(NormalizerRegistry.defaults()).plan(target, ResourceSet.of("t", desired),
                ResourceSet.of("t", live), TargetCapabilities.of(can, KindCapabilities.full(MEMBER)));
    }

    @Test
    void plansAReplaceWhereTheApiCanCreateAndDeleteButNotUpdate() {
        TargetPlan plan = plan(target(TargetSpec.Policy.DEFAULT), List.of(desired("g1", "new", false)),
                List.of(live("g1", "old")), NO_UPDATE);

        Change replace = plan.changes().get(0);
        assertThat(replace.action()).isEqualTo(Action.REPLACE);
        assertThat(replace.action().symbol()).isEqualTo("-/+");
        assertThat(replace.action().json()).isEqualTo("replace");
        assertThat(replace.callsApi()).isTrue();
        assertThat(replace.action().isDestructive()).isTrue();
        assertThat(replace.fields()).extracting(f -> f.field()).containsExactly("description");
        assertThat(replace.reason()).isEqualTo("must be replaced: the API cannot update a group; declared fields differ: description");
        assertThat(replace.liveFingerprint()).contains(Fingerprint.of(live("g1", "old")));
        assertThat(replace.liveId()).contains("id-g1");
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.summary()).isEqualTo(new Summary(0, 0, 0, 0, 0, 1));
        assertThat(plan.summary().changesPresent()).isTrue();
        assertThat(plan.dependencies().changes()).containsExactly(replace);
    }

    @Test
    void aKindTheApiCannotDeleteEitherStaysAnUpdateThePlanRefuses() {
        KindCapabilities createOnly = KindCapabilities.createOnly(GROUP);
        TargetPlan plan = plan(target(TargetSpec.Policy.DEFAULT), List.of(desired("g1", "new", false)),
                List.of(live("g1", "old")), createOnly);
        assertThat(plan.changes().get(0).action()).isEqualTo(Action.UPDATE);
        assertThat(plan.errors()).extracting(PlanError::reason).containsExactly(PlanError.Reason.CANNOT_UPDATE);
    }

    @Test
    void refusesToReplaceAProtectedObject() {
        TargetPlan own = plan(target(TargetSpec.Policy.DEFAULT), List.of(desired("g1", "new", true)),
                List.of(live("g1", "old")), NO_UPDATE);
        assertThat(own.changes().get(0).action()).isEqualTo(Action.REPLACE);
        assertThat(own.errors()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(PlanError.Reason.PROTECTED);
            assertThat(e.message()).contains("protect: true").contains("refusing to replace it");
        });
        assertThat(SafetyPolicy.evaluate(own, true).allowed()).as("--force does not lift it").isFalse();

        TargetSpec.Policy listed = new TargetSpec.Policy(false, false, false, 25, 30, 8, List.of(KeyPattern.parse("group/g1")));
        TargetPlan byList = plan(target(listed), List.of(desired("g1", "new", false)), List.of(live("g1", "old")), NO_UPDATE);
        assertThat(byList.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("protect list"));
    }

    @Test
    void refusesAReplaceTheApiWouldRefuseToDelete() {
        KindCapabilities refusing = NO_UPDATE.refusingDeletion(r -> Optional.of("the server's own group"));
        TargetPlan plan = plan(target(TargetSpec.Policy.DEFAULT), List.of(desired("g1", "new", false)),
                List.of(live("g1", "old")), refusing);
        assertThat(plan.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("the server's own group"));
    }

    @Test
    void theSafetyThresholdsCountReplacesAsDeletes() {
        List<Resource> desired = new ArrayList<>();
        List<Resource> live = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            live.add(live("g" + i, "old"));
            desired.add(desired("g" + i, i < 3 ? "new" : "old", false));
        }
        TargetPlan plan = plan(target(TargetSpec.Policy.DEFAULT), desired, live, NO_UPDATE);
        assertThat(plan.summary().replace()).isEqualTo(3);
        assertThat(plan.summary().update()).isZero();
        SafetyVerdict verdict = SafetyPolicy.evaluate(plan, false);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.toString()).contains("deletes 3 of 10").contains("maxDeletePercent 25");
        assertThat(SafetyPolicy.evaluate(plan, true).allowed()).isTrue();
    }

    @Test
    void replacesGoWithCreatesAndUpdatesBeforeDeletes() {
        Resource orphan = Resource.live(ResourceKey.of(MEMBER, "m1"), "9", Map.of(), Set.of());
        TargetSpec pruning = target(new TargetSpec.Policy(true, false, false, 100, 100, 8));
        TargetPlan plan = plan(pruning, List.of(desired("g1", "new", false)), List.of(live("g1", "old"), orphan),
                NO_UPDATE);
        assertThat(plan.changes()).extracting(Change::action).containsExactly(Action.REPLACE, Action.DELETE);
    }

    @Test
    void aSavedPlanKeepsItsReplaces() {
        TargetPlan plan = plan(target(TargetSpec.Policy.DEFAULT), List.of(desired("g1", "new", false)),
                List.of(live("g1", "old")), NO_UPDATE);
        SavedPlan saved = new SavedPlan(Instant.parse("2026-12-01T10:00:00Z"), Optional.empty(), Path.of("/repo"),
                Plan.of(List.of(plan)));
        String json = PlanFile.toJson(saved);
        assertThat(json).contains("\"action\" : \"replace\"");
        SavedPlan read = PlanFile.fromJson(json);
        Change change = read.plan().changes().get(0);
        assertThat(change.action()).isEqualTo(Action.REPLACE);
        assertThat(change.before()).isPresent();
        assertThat(change.after()).isPresent();
        assertThat(change.liveFingerprint()).isEqualTo(plan.changes().get(0).liveFingerprint());
        assertThat(read.plan().summary()).isEqualTo(saved.plan().summary());
        assertThat(PlanFile.toJson(read)).isEqualTo(json);
    }
}
