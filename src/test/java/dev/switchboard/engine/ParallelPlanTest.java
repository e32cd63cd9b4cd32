package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.Settings;
import dev.switchboard.diff.NormalizerRegistry;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.TargetPlan;
import dev.switchboard.provider.Provider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets are fetched and planned at once, yet progress and plans come in declaration order. */
class ParallelPlanTest {

    private static final ResourceKind THING = ResourceKind.of("test", "thing");

    @TempDir
    Path dir;

    /** A target whose fetch reports 3 objects, one at a time, after {@code await} opens. */
    private static Provider provider(TargetSpec spec, CountDownLatch started, CountDownLatch await, boolean fail) {
        return TestProviders.of(spec, List.of(() -> THING), progress -> {
            started.countDown();
            try {
                if (!await.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other target's fetch never started: not in parallel");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (fail) {
                throw new IllegalStateException(spec.name() + " is down");
            }
            List<Resource> things = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                things.add(Resource.live(ResourceKey.of(THING, spec.name() + "-" + i), String.valueOf(i), Map.of(),
                        Set.of()));
                progress.fetched(1);
            }
            return ResourceSet.of(spec.name(), things);
        });
    }

    private EngineSession session(boolean secondFails) {
        Map<String, TargetSpec> targets = new LinkedHashMap<>();
        for (String name : List.of("zulu", "alpha")) {
            targets.put(name, new TargetSpec(name, "test", "embedded", Map.of(), Map.of(), TargetSpec.Tls.DEFAULT,
                    TargetSpec.Policy.DEFAULT));
        }
        Map<String, ResourceSet> resources = new LinkedHashMap<>();
        targets.keySet().forEach(t -> resources.put(t, ResourceSet.empty(t)));
        DesiredState state = new DesiredState(dir, Settings.DEFAULT, targets, resources, List.of());
        // each fetch waits until both have started: only a parallel plan gets past that
        CountDownLatch zuluStarted = new CountDownLatch(1);
        CountDownLatch alphaStarted = new CountDownLatch(1);
        Connections connections = new Connections(null) {
            @Override
            public Connection open(Path configDir, TargetSpec target) {
                boolean zulu = target.name().equals("zulu");
                return new Connection(provider(target, zulu ? zuluStarted : alphaStarted,
                        zulu ? alphaStarted : zuluStarted, !zulu && secondFails), java.util.Optional.empty());
            }
        };
        return new EngineSession(state, List.copyOf(targets.keySet()), dir, connections, NormalizerRegistry.defaults(),
                Clock.systemUTC(), OptionalInt.empty(), Prefetch.NONE, ApplyLocks.FILES_ONLY);
    }

    @Test
    void fetchesTargetsAtOnceAndReportsProgressAndPlansInDeclarationOrder() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Progress recording = new Progress() {
            @Override
            public void start(String task, long total) {
                events.add("start " + task);
            }

            @Override
            public void step(long done) {
                events.add("step " + done);
            }

            @Override
            public void finish() {
                events.add("finish");
            }
        };
        Plan plan;
        try (EngineSession session = session(false)) {
            plan = session.plan(new PlanRequest(Set.of(), List.of(), false), recording);
        }
        assertThat(plan.targets()).extracting(TargetPlan::target).containsExactly("zulu", "alpha");
        assertThat(plan.targets().get(0).changes()).extracting(c -> c.key().path())
                .containsExactly("zulu-1", "zulu-2", "zulu-3");
        assertThat(events).containsExactly("start fetching zulu", "step 1", "step 1", "step 1", "finish",
                "start fetching alpha", "step 1", "step 1", "step 1", "finish");
    }

    @Test
    void aFailingTargetFailsThePlanWithItsOwnError() {
        try (EngineSession session = session(true)) {
            assertThatThrownBy(() -> session.plan(new PlanRequest(Set.of(), List.of(), false), Progress.NONE))
                    .isInstanceOf(IllegalStateException.class).hasMessage("alpha is down");
        }
    }
}
