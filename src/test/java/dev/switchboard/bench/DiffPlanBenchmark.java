package dev.switchboard.bench;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.plan.Planner;
import dev.switchboard.plan.TargetCapabilities;
import dev.switchboard.plan.TargetCapabilities.KindCapabilities;
import dev.switchboard.plan.TargetPlan;
import dev.switchboard.systems.officelinx.OfficelinxKinds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pure core's cost: diff and plan of {@code objects} desired against as many live objects (mailboxes
 * of 4 fields and their company), {@code changedPercent} of them differing in one field. One thread, so
 * "on one core". Not run by the test suite; run it with {@code bench/jmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class DiffPlanBenchmark {

    @Param("100000")
    int objects;

    @Param("1")
    int changedPercent;

    private TargetSpec target;
    private ResourceSet desired;
    private ResourceSet live;
    private TargetCapabilities capabilities;
    private Planner planner;

    @Setup
    public void setUp() {
        target = new TargetSpec("olx", "officelinx", "embedded", Map.of(), Map.of(), TargetSpec.Tls.DEFAULT,
                TargetSpec.Policy.DEFAULT);
        SourceLocation origin = SourceLocation.startOf(Path.of("officelinx/companies.yaml"));
        ResourceKey company = ResourceKey.of(OfficelinxKinds.COMPANY, "Acme");
        List<Resource> declared = new ArrayList<>();
        List<Resource> onServer = new ArrayList<>();
        declared.add(Resource.desired(company, Map.of("name", "Acme", "pbx", 1L), Set.of(), ResourceOptions.NONE, origin));
        onServer.add(Resource.live(company, "2", Map.of("name", "Acme", "pbx", 1L), Set.of()));
        int every = changedPercent <= 0 ? Integer.MAX_VALUE : 100 / changedPercent;
        for (int i = 0; i < objects - 1; i++) {
            String number = String.valueOf(100_000 + i);
            ResourceKey key = ResourceKey.of(OfficelinxKinds.MAILBOX, "Acme", number);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("number", number);
            fields.put("userName", "user" + number + "@acme.example");
            fields.put("firstName", "First" + (i % 97));
            fields.put("lastName", "Last" + (i % 89));
            declared.add(Resource.desired(key, fields, Set.of(company), ResourceOptions.NONE, origin));
            Map<String, Object> liveFields = new LinkedHashMap<>(fields);
            if (i % every == 0) {
                liveFields.put("lastName", "Renamed");
            }
            onServer.add(Resource.live(key, String.valueOf(10 + i), liveFields, Set.of(company)));
        }
        desired = ResourceSet.of("olx", declared);
        live = ResourceSet.of("olx", onServer);
        capabilities = new TargetCapabilities(List.of(KindCapabilities.full(OfficelinxKinds.COMPANY),
                KindCapabilities.full(OfficelinxKinds.MAILBOX)));
        planner = new Planner();
    }

    @Benchmark
    public TargetPlan diffAndPlan() {
        return planner.plan(target, desired, live, capabilities);
    }

    /**
     * Without JMH: the thread's CPU time per diff and plan, which a loaded machine does not inflate as it
     * does wall time. {@code java -cp ... dev.switchboard.bench.DiffPlanBenchmark [objects] [rounds]}.
     */
    public static void main(String[] args) {
        DiffPlanBenchmark bench = new DiffPlanBenchmark();
        bench.objects = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        bench.changedPercent = 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        bench.setUp();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        int updates = 0;
        for (int round = 0; round < 2 * rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            TargetPlan plan = bench.diffAndPlan();
            long spent = threads.getCurrentThreadCpuTime() - cpu;
            updates = plan.summary().update();
            if (round >= rounds) {
                best = Math.min(best, spent);
            }
        }
        System.out.printf("objects=%d updates=%d cpu_ms_per_op=%.1f (best of %d after %d warm-up rounds)%n",
                bench.objects, updates, best / 1e6, rounds, rounds);
    }
}
