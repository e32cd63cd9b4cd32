package dev.switchboard.faults;

import dev.switchboard.engine.Engine;
import dev.switchboard.sim.Fault;
import dev.switchboard.sim.FaultMix;
import dev.switchboard.sim.FaultRule;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.officelinx.sim.OfficelinxSimulator;
import dev.switchboard.systems.xci.sim.XciSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Randomised fault runs: per seed, an Officelinx and an XCI simulator populated by one apply, then a second
 * generation of the desired state (deletes, updates, creates) applied while the simulators answer a share
 * of requests with faults of every kind (500, 429 with Retry-After, a reset before the request is
 * processed, a reset after, a slow answer), an apply after another until a plan has nothing to do. After
 * every round, with the faults off, the servers are read to check that nothing reported applied is
 * missing, and that no natural key is held twice. Seed 0 is also told to lose the answer of a mailbox
 * DELETE, the Officelinx ID-reuse case.
 *
 * <p>{@code FaultMixTest} runs 10 seeds in {@code mvn verify}; {@code bench/faults} runs 100 and prints
 * {@code 100/100 converged, 0 duplicates, 0 lost}.
 */
public final class FaultCampaign {

    static final int MAX_ROUNDS = 8;

    /**
     * @param rounds     applies under faults until a plan had nothing to do
     * @param duplicates natural keys found twice, in any round
     * @param lost       applied changes the servers did not show, in any round, and declared objects missing at the end
     * @param faults     how many of each fault the simulators produced
     */
    public record Outcome(long seed, boolean converged, int rounds, List<String> duplicates, List<String> lost,
                          List<String> errors, Map<Fault, Long> faults) {

        @Override
        public String toString() {
            return "seed " + seed + ": " + (converged ? "converged" : "NOT converged") + " in " + rounds + " round(s), "
                    + duplicates.size() + " duplicates, " + lost.size() + " lost; faults " + faults
                    + (duplicates.isEmpty() ? "" : "; duplicates " + duplicates) + (lost.isEmpty() ? "" : "; lost " + lost)
                    + (converged || errors.isEmpty() ? "" : "; errors " + errors);
        }
    }

    private FaultCampaign() {
    }

    /**
     * @param rate        share of requests answered with a fault, 0.2 in the tests
     * @param mailboxes   size of the first generation (mailboxes, and as many XCI users)
     * @param parallelism concurrent API calls per target (1: the run is replayed exactly from its seed)
     */
    public static Outcome run(Engine engine, long seed, Path work, double rate, int mailboxes, int parallelism) {
        SimOptions options = SimOptions.DEFAULT.withSeed(seed).withSlowDelay(Duration.ofMillis(150))
                .withRetryAfter(Duration.ZERO);
        try (SimServer server = SimServer.start(options, new OfficelinxSimulator(SimCredentials.DEFAULT),
                new XciSimulator(SimCredentials.DEFAULT))) {
            FaultScenario scenario = new FaultScenario(engine, work, server.baseUri().toString(), mailboxes, parallelism);
            scenario.write(0);
            FaultScenario.Round populated = scenario.round();
            if (!populated.error().isEmpty() || populated.report().map(r -> !r.succeeded()).orElse(true)) {
                throw new IllegalStateException("seed " + seed + ": the fault-free first apply failed: " + populated);
            }

            scenario.write(1);
            if (seed == 0) {
                server.inject(FaultRule.parse("reset-after:DELETE:/UCBusinessRest/api/EEAMMailboxes.*:1"));
            }
            FaultMix mix = FaultMix.everyKind(rate);
            List<String> duplicates = new ArrayList<>();
            List<String> lost = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            boolean converged = false;
            int rounds = 0;
            while (!converged && rounds < MAX_ROUNDS) {
                server.faultMix(mix);
                FaultScenario.Round round = scenario.round();
                server.faultMix(FaultMix.NONE);
                rounds++;
                round.error().ifPresent(errors::add);
                FaultScenario.Verdict verdict = scenario.verify(round);
                duplicates.addAll(verdict.duplicates());
                lost.addAll(verdict.lost());
                errors.addAll(verdict.unreadable());
                converged = round.converged();
            }
            Map<Fault, Long> faults = new EnumMap<>(Fault.class);
            faults.putAll(server.faultsProduced());
            FaultScenario.Round after = scenario.round();
            converged = converged && after.converged();
            if (converged) {
                lost.addAll(scenario.missing(scenario.live()));
            }
            return new Outcome(seed, converged, rounds, duplicates, lost, errors, faults);
        }
    }

    static void deleteTree(Path root) {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
