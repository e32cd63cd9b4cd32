package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.Engine;
import dev.switchboard.sim.RequestLog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SWITCHBOARD_CONCURRENT_TARGETS}: a pass reconciles its targets in parallel, never more at once than the
 * bound, as the simulators behind them see it: each target's requests span a window (its first request's start
 * to its last one's end, inside its reconcile), and no more windows than the bound overlap.
 */
@QuarkusTest
class ConcurrentTargetsTest {

    @Inject
    Engine engine;

    private static SimulatedTargets targets;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        targets = new SimulatedTargets(6, 2, Duration.ofMillis(25));
    }

    @AfterAll
    static void stop() {
        targets.close();
    }

    @Test
    void reconcilesNoMoreTargetsAtOnceThanTheBound() {
        Pass pass = pass(2, "c1");
        assertThat(pass.loadError()).isEmpty();

        assertThat(pass.outcomes()).extracting(TargetOutcome::target).containsExactlyElementsOf(targets.names());
        assertThat(pass.outcomes()).extracting(TargetOutcome::result).containsOnly(Result.DRIFT);
        assertThat(mostAtOnce()).isEqualTo(2);
    }

    @Test
    void theMeasureSeesMoreWhenTheBoundAllowsMore() {
        // Without this, a measure that could never exceed 2 would pass the test above whatever the bound did.
        pass(6, "c2");

        assertThat(mostAtOnce()).isGreaterThan(2);
    }

    @Test
    void oneAtATimeReconcilesTheTargetsOneAfterAnother() {
        pass(1, "c3");

        assertThat(mostAtOnce()).isEqualTo(1);
    }

    private Pass pass(int bound, String commit) {
        targets.logs.values().forEach(RequestLog::clear);
        return new Reconciler(engine).reconcile(targets.revision(commit), DaemonConfig.Mode.DRIFT,
                work, List.of(), () -> false, Fleet.SINGLE, bound);
    }

    /** The largest number of targets whose request windows overlap at one instant. */
    private static int mostAtOnce() {
        List<Instant[]> windows = new ArrayList<>();
        for (RequestLog log : targets.logs.values()) {
            List<RequestLog.Entry> entries = log.entries();
            assertThat(entries).isNotEmpty();
            windows.add(new Instant[] {entries.get(0).started(),
                    entries.stream().map(RequestLog.Entry::ended).max(Instant::compareTo).orElseThrow()});
        }
        int most = 0;
        for (Instant[] window : windows) {
            // The most overlapping windows include the one that starts last among them: count at each start.
            int at = (int) windows.stream().filter(w -> !w[0].isAfter(window[0]) && w[1].isAfter(window[0])).count();
            most = Math.max(most, at);
        }
        return most;
    }
}
