package dev.switchboard.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.Engine;
import dev.switchboard.sim.Fault;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeds of {@link FaultCampaign} (10 in {@code mvn verify}, {@code -Dfaults.seeds=100} through
 * {@code bench/faults}): under 20% injected faults of every kind, the apply converges with no object made
 * twice and nothing reported applied missing. One call at a time per target, so that a seed that fails
 * replays exactly. Prints {@code N/N converged, 0 duplicates, 0 lost} at the end.
 */
@QuarkusTest
class FaultMixTest {

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final AtomicInteger CONVERGED = new AtomicInteger();
    private static final AtomicInteger DUPLICATES = new AtomicInteger();
    private static final AtomicInteger LOST = new AtomicInteger();

    @Inject
    Engine engine;

    @TempDir
    Path work;

    static LongStream seeds() {
        return LongStream.range(0, Long.getLong("faults.seeds", 10));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void convergesWithNoDuplicateAndNothingLost(long seed) {
        FaultCampaign.Outcome outcome = FaultCampaign.run(engine, seed, work, 0.2, 8, 1);
        System.out.println("faults: " + outcome);
        RUNS.incrementAndGet();
        CONVERGED.addAndGet(outcome.converged() ? 1 : 0);
        DUPLICATES.addAndGet(outcome.duplicates().size());
        LOST.addAndGet(outcome.lost().size());

        assertThat(outcome.duplicates()).as(outcome.toString()).isEmpty();
        assertThat(outcome.lost()).as(outcome.toString()).isEmpty();
        assertThat(outcome.converged()).as(outcome.toString()).isTrue();
        assertThat(outcome.faults().values().stream().mapToLong(Long::longValue).sum())
                .as("the simulators did inject faults: " + outcome).isPositive();
        if (seed == 0) {
            assertThat(outcome.faults()).as("the lost DELETE answer of the ID-reuse case").containsKey(Fault.RESET_AFTER);
        }
    }

    @AfterAll
    static void summary() {
        System.out.printf("faults: %d/%d converged, %d duplicates, %d lost%n", CONVERGED.get(), RUNS.get(),
                DUPLICATES.get(), LOST.get());
    }
}
