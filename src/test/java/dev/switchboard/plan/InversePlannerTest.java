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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The inverse of an apply from its journal, on paired fixtures: journal changes and live state in, plan out. */
class InversePlannerTest {

    static final ResourceKind GROUP = ResourceKind.of("test", "group");
    static final ResourceKind MEMBER = ResourceKind.of("test", "member", "password");
    static final TargetCapabilities CAN = TargetCapabilities.of(KindCapabilities.full(GROUP), KindCapabilities.full(MEMBER));

    static TargetSpec target(List<KeyPattern> protect) {
        return new TargetSpec("t", "test", "embedded", Map.of(), Map.of(), TargetSpec.Tls.DEFAULT,
                new TargetSpec.Policy(false, false, false, 25, 30, 8, protect));
    }

    static ResourceKey group(String name) {
        return ResourceKey.of(GROUP, name);
    }

    static ResourceKey member(String group, String name) {
        return ResourceKey.of(MEMBER, group, name);
    }

    static Resource recorded(ResourceKey key, Map<String, Object> fields, Set<ResourceKey> dependsOn) {
        return new Resource(key, fields, dependsOn, Optional.empty(), ResourceOptions.NONE, Optional.empty());
    }

    static TargetPlan invert(List<JournalChange> applied, List<Resource> live, List<Resource> desired, boolean force,
                             List<KeyPattern> protect) {
        return new InversePlanner(NormalizerRegistry.defaults()).invert(target(protect), applied,
                ResourceSet.of("t", live), ResourceSet.of("t", desired), CAN, force, "j.jsonl");
    }

    @Test
    void recreatesWhatWasDeletedParentsFirstAndNamesWhatItCannotPutBack() {
        ResourceKey sales = group("sales");
        ResourceKey ann = member("sales", "ann");
        List<JournalChange> applied = List.of(
                new JournalChange(ann, Action.DELETE, Optional.of("7"), Optional.of(recorded(ann,
                        Map.of("name", "ann", "pin", "(sensitive)"), Set.of(sales))), Optional.empty(), Set.of(), true),
                new JournalChange(sales, Action.DELETE, Optional.of("3"), Optional.of(recorded(sales,
                        Map.of("name", "sales"), Set.of())), Optional.empty(), Set.of(), true));

        TargetPlan plan = invert(applied, List.of(), List.of(), false, List.of());

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.changes()).extracting(Change::key).containsExactly(sales, ann);
        assertThat(plan.changes()).allMatch(c -> c.action() == Action.CREATE);
        Change annAgain = plan.changes().get(1);
        assertThat(annAgain.after().orElseThrow().fields()).containsOnlyKeys("name");
        assertThat(annAgain.after().orElseThrow().dependsOn()).containsExactly(sales);
        assertThat(plan.dependencies().waitsFor(ann)).containsExactly(sales);
        assertThat(plan.warnings()).extracting(PlanWarning::field).containsExactlyInAnyOrder("pin", "password");
    }

    @Test
    void refusesToDeleteWhatWasCreatedWhenTheServerGaveItsKeyAnotherIdSinceOrItIsProtected() {
        ResourceKey sales = group("sales");
        ResourceKey ops = group("ops");
        List<JournalChange> applied = List.of(
                new JournalChange(sales, Action.CREATE, Optional.of("3"), Optional.empty(),
                        Optional.of(recorded(sales, Map.of("name", "sales"), Set.of())), Set.of(), true),
                new JournalChange(ops, Action.CREATE, Optional.of("4"), Optional.empty(),
                        Optional.of(recorded(ops, Map.of("name", "ops"), Set.of())), Set.of(), true));
        List<Resource> live = List.of(Resource.live(sales, "9", Map.of("name", "sales"), Set.of()),
                Resource.live(ops, "4", Map.of("name", "ops"), Set.of()));

        TargetPlan plan = invert(applied, live, List.of(), false, List.of(KeyPattern.parse("group/ops")));

        assertThat(plan.errors()).extracting(PlanError::reason).containsExactlyInAnyOrder(PlanError.Reason.STALE,
                PlanError.Reason.PROTECTED);
        assertThat(plan.errors()).extracting(PlanError::message).anySatisfy(m -> assertThat(m)
                .contains("group sales now has server ID 9 where the apply created it as 3"));
        assertThat(SafetyPolicy.evaluate(plan, true).allowed()).as("--force never overrides protect").isFalse();
    }

    @Test
    void putsBackTheFieldsAnOldJournalsUpdateChangedAndLeavesTheOthers() {
        ResourceKey sales = group("sales");
        // version 1: no list of the fields sent; the declared ones that differed are.
        JournalChange update = new JournalChange(sales, Action.UPDATE, Optional.of("3"),
                Optional.of(recorded(sales, Map.of("name", "sales", "description", "old", "floor", 2L), Set.of())),
                Optional.of(recorded(sales, Map.of("name", "sales", "description", "new"), Set.of())), Set.of(), false);
        Resource now = Resource.live(sales, "3", Map.of("name", "sales", "description", "new", "floor", 2L), Set.of());

        TargetPlan plan = invert(List.of(update), List.of(now), List.of(), false, List.of());

        assertThat(plan.errors()).isEmpty();
        Change change = plan.changes().get(0);
        assertThat(change.action()).isEqualTo(Action.UPDATE);
        assertThat(change.fields()).extracting(f -> f.field() + "=" + f.after().orElseThrow()).containsExactly("description=old");

        Resource edited = now.withFields(Map.of("name", "sales", "description", "edited", "floor", 3L));
        TargetPlan stale = invert(List.of(update), List.of(edited), List.of(), false, List.of());
        assertThat(stale.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("group sales changed on the server since the apply (").contains("description").contains("floor")
                .contains(" no longer as the apply left them)"));
        TargetPlan forced = invert(List.of(update), List.of(edited), List.of(), true, List.of());
        assertThat(forced.errors()).isEmpty();
        assertThat(forced.changes().get(0).fields()).extracting(f -> f.field()).containsExactly("description");
    }

    @Test
    void leavesWhatWasCreatedAndTheApiCannotDeleteAndSaysSo() {
        ResourceKind xivo = ResourceKind.of("test", "xivo");
        ResourceKey paris = ResourceKey.of(xivo, "paris");
        JournalChange created = new JournalChange(paris, Action.CREATE, Optional.of("1"), Optional.empty(),
                Optional.of(recorded(paris, Map.of("name", "paris"), Set.of())), Set.of(), true);

        TargetPlan plan = new InversePlanner(NormalizerRegistry.defaults()).invert(target(List.of()), List.of(created),
                ResourceSet.of("t", List.of(Resource.live(paris, "1", Map.of("name", "paris"), Set.of()))),
                ResourceSet.empty("t"), TargetCapabilities.of(KindCapabilities.createOnly(xivo)), false, "j.jsonl");

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.action()).isEqualTo(Action.UNMANAGED));
        assertThat(plan.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .contains("the API cannot delete a xivo").contains("by hand"));
    }

    @Test
    void replacesBackWhatWasReplaced() {
        ResourceKey sales = group("sales");
        JournalChange replace = new JournalChange(sales, Action.REPLACE, Optional.of("3"),
                Optional.of(recorded(sales, Map.of("name", "sales", "description", "old"), Set.of())),
                Optional.of(recorded(sales, Map.of("name", "sales", "description", "new"), Set.of())),
                Set.of("description"), true);
        Resource now = Resource.live(sales, "5", Map.of("name", "sales", "description", "new"), Set.of());

        TargetPlan plan = invert(List.of(replace), List.of(now), List.of(Resource.desired(sales, Map.of("name", "sales"),
                Set.of(), new ResourceOptions(true, Set.of()), SourceLocation.startOf(Path.of("t.yaml")))), false, List.of());

        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.REPLACE);
            assertThat(c.after().orElseThrow().fields()).containsEntry("description", "old");
        });
        assertThat(plan.errors()).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo(PlanError.Reason.PROTECTED));
    }
}
