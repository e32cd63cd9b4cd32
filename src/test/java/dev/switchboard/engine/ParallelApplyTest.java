package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.apply.ApplyReport;
import dev.switchboard.apply.ChangeResult;
import dev.switchboard.apply.TargetApplyReport;
import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.Settings;
import dev.switchboard.diff.NormalizerRegistry;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.plan.Plan;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Provider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Independent targets are applied at once, each with a progress of its own, and the report keeps the plan's
 * order; a target whose apply fails as a whole does not cut the others short.
 */
class ParallelApplyTest {

    private static final ResourceKind THING = ResourceKind.of("test", "thing");
    private static final List<String> TARGETS = List.of("zulu", "alpha", "mike");

    @TempDir
    Path dir;

    /** Each target's create waits until the others' have started: only applies at once get past it. */
    private CountDownLatch creating = new CountDownLatch(TARGETS.size());
    private final Map<String, List<String>> created = new ConcurrentHashMap<>();
    private final Map<String, Integer> fetches = new ConcurrentHashMap<>();

    /** How the target named {@code failing} fails. */
    private enum Failing { CHANGE, SERVER }

    private Provider provider(TargetSpec spec, Optional<Failing> failing) {
        Creator thing = TestProviders.creator(THING, desired -> {
            creating.countDown();
            try {
                if (!creating.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other targets' applies never started: not at once");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failing.isPresent()) {
                throw new IllegalStateException(spec.name() + " lost its disk");
            }
            created.computeIfAbsent(spec.name(), t -> Collections.synchronizedList(new ArrayList<>()))
                    .add(desired.key().path());
        });
        return TestProviders.of(spec, List.of(thing), progress -> {
            // A server that goes down between the plan and the apply: its second read fails.
            if (fetches.merge(spec.name(), 1, Integer::sum) > 1 && failing.equals(Optional.of(Failing.SERVER))) {
                throw new IllegalStateException(spec.name() + " went down after the plan");
            }
            return ResourceSet.empty(spec.name());
        });
    }

    private EngineSession session(String failing, Failing how) {
        Map<String, TargetSpec> targets = new LinkedHashMap<>();
        Map<String, ResourceSet> resources = new LinkedHashMap<>();
        for (String name : TARGETS) {
            targets.put(name, new TargetSpec(name, "test", "embedded", Map.of(), Map.of(), TargetSpec.Tls.DEFAULT,
                    TargetSpec.Policy.DEFAULT));
            resources.put(name, ResourceSet.of(name, List.of(Resource.desired(ResourceKey.of(THING, name + "-1"),
                    Map.of("name", name + "-1"), Set.of(), ResourceOptions.NONE,
                    SourceLocation.startOf(Path.of(name + ".yaml"))))));
        }
        DesiredState state = new DesiredState(dir, Settings.DEFAULT, targets, resources, List.of());
        Connections connections = new Connections(null) {
            @Override
            public Connection open(Path configDir, TargetSpec target) {
                return new Connection(provider(target, target.name().equals(failing) ? Optional.of(how) : Optional.empty()),
                        Optional.empty());
            }
        };
        return new EngineSession(state, TARGETS, dir, connections, NormalizerRegistry.defaults(), Clock.systemUTC(),
                OptionalInt.empty(), Prefetch.NONE, ApplyLocks.FILES_ONLY);
    }

    /** Records its events, and each concurrent task's apart, under the name it was started with. */
    private static final class Lines implements Progress {
        final List<String> own = Collections.synchronizedList(new ArrayList<>());
        private final List<Lines> children = Collections.synchronizedList(new ArrayList<>());
        private String task;

        @Override
        public void start(String task, long total) {
            this.task = task;
            own.add("start " + task + " of " + total);
        }

        @Override
        public void step(long done) {
            own.add("step " + done);
        }

        @Override
        public void finish() {
            own.add("finish");
        }

        @Override
        public Progress forConcurrentTask() {
            Lines line = new Lines();
            children.add(line);
            return line;
        }

        Map<String, List<String>> tasks() {
            Map<String, List<String>> tasks = new LinkedHashMap<>();
            children.forEach(c -> tasks.put(c.task, c.own));
            return tasks;
        }
    }

    @Test
    void appliesEveryTargetAtOnceEachOnALineOfItsOwnAndReportsInPlanOrder() {
        Lines progress = new Lines();
        ApplyReport report;
        try (EngineSession session = session("none", Failing.CHANGE)) {
            Plan plan = session.plan(new PlanRequest(Set.of(), List.of(), false), Progress.NONE);
            report = session.apply(plan, ApplyOptions.DEFAULT, progress);
        }
        assertThat(report.targets()).extracting(TargetApplyReport::target).containsExactlyElementsOf(TARGETS);
        assertThat(report.count(ChangeResult.Status.APPLIED)).isEqualTo(3);
        assertThat(created).containsOnlyKeys(TARGETS).containsEntry("mike", List.of("mike-1"));
        assertThat(progress.own).as("the parent progress draws no apply of its own").isEmpty();
        assertThat(progress.tasks()).containsOnlyKeys("applying zulu", "applying alpha", "applying mike");
        progress.tasks().values().forEach(events -> assertThat(events).containsExactly(
                events.get(0), "step 1", "finish"));
        assertThat(progress.tasks().get("applying alpha").get(0)).isEqualTo("start applying alpha of 1");
    }

    @Test
    void aChangeThatFailsInOneTargetIsThatTargetsFailureAlone() {
        ApplyReport report;
        try (EngineSession session = session("alpha", Failing.CHANGE)) {
            Plan plan = session.plan(new PlanRequest(Set.of(), List.of(), false), Progress.NONE);
            report = session.apply(plan, ApplyOptions.DEFAULT, new Lines());
        }
        assertThat(report.succeeded()).isFalse();
        assertThat(report.targets().get(1).results()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ChangeResult.Status.FAILED))
                .satisfies(r -> assertThat(r.message()).contains("alpha lost its disk"));
        assertThat(created).as("zulu and mike applied beside alpha").containsOnlyKeys("zulu", "mike");
    }

    @Test
    void aTargetWhoseApplyFailsAsAWholeLetsTheOthersFinishThenFailsTheApply() {
        creating = new CountDownLatch(2); // alpha never gets to its create
        Plan plan;
        try (EngineSession planning = session("alpha", Failing.SERVER)) {
            plan = planning.plan(new PlanRequest(Set.of(), List.of(), false), Progress.NONE);
        }
        // A plan applied by another session (a saved plan, the daemon's next pass) reads each server again.
        try (EngineSession applying = session("alpha", Failing.SERVER)) {
            assertThatThrownBy(() -> applying.apply(plan, ApplyOptions.DEFAULT, new Lines()))
                    .hasMessage("alpha went down after the plan");
        }
        assertThat(created).as("zulu and mike ran to their end beside alpha").containsOnlyKeys("zulu", "mike");
    }
}
