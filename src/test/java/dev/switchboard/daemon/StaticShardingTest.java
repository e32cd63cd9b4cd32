package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.Engine;
import dev.switchboard.sim.RequestLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Static sharding (SPEC section 6): three replicas, each a {@link Reconciler} with its own {@link Fleet#fixed}
 * shard, over nine simulated targets: each target is reconciled by exactly one of them (its simulator hears
 * from one replica only), {@code shard: K} moves a target to replica K, and every replica's status lists every
 * declared target with the shard that owns it.
 */
@QuarkusTest
class StaticShardingTest {

    private static SimulatedTargets targets;

    @Inject
    Engine engine;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        targets = new SimulatedTargets(9, 1, Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        targets.close();
    }

    @Test
    void eachTargetIsReconciledByExactlyOneReplicaAndEveryStatusSaysWhich() {
        targets.pin(Map.of());
        Map<String, String> reconciledBy = new HashMap<>();
        List<StatusBoard.Status> statuses = new java.util.ArrayList<>();
        for (int shard = 0; shard < 3; shard++) {
            targets.logs.values().forEach(RequestLog::clear);
            Pass pass = pass(shard);
            StatusBoard board = new StatusBoard();
            board.passed(pass);
            statuses.add(board.status());
            for (String target : targets.names()) {
                if (!targets.logs.get(target).entries().isEmpty()) {
                    assertThat(reconciledBy.put(target, Integer.toString(shard))).as(target + " reconciled twice").isNull();
                }
            }
            assertThat(pass.outcomes()).extracting(TargetOutcome::target)
                    .containsExactlyElementsOf(targets.names().stream().filter(t -> reconciledBy.get(t) != null
                            && reconciledBy.get(t).equals(pass.shard())).toList());
        }
        assertThat(reconciledBy).containsOnlyKeys(targets.names());
        assertThat(reconciledBy.values()).containsOnly("0", "1", "2");
        for (StatusBoard.Status status : statuses) {
            assertThat(status.targets()).hasSize(9);
            for (StatusBoard.TargetStatus target : status.targets()) {
                assertThat(target.shard()).as(target.name()).isEqualTo(reconciledBy.get(target.name()));
                assertThat(target.result()).isEqualTo(target.shard().equals(status.shard()) ? "drift"
                        : StatusBoard.TargetStatus.OWNED_ELSEWHERE);
            }
        }
    }

    @Test
    void aPinnedTargetIsReconciledByItsShard() {
        targets.pin(Map.of());
        String hashedTo = pass(0).owners().get("t04");
        int pin = (Integer.parseInt(hashedTo) + 1) % 3;
        targets.pin(Map.of("t04", pin));

        for (int shard = 0; shard < 3; shard++) {
            Pass pass = pass(shard);
            assertThat(pass.owners()).containsEntry("t04", Integer.toString(pin));
            assertThat(pass.outcomes().stream().anyMatch(o -> o.target().equals("t04"))).isEqualTo(shard == pin);
        }
    }

    @Test
    void aPinBeyondTheReplicasIsAFailureNamingTheFileLineAndField() {
        targets.pin(Map.of("t02", 5));

        List<TargetOutcome> reported = new java.util.ArrayList<>();
        for (int shard = 0; shard < 3; shard++) {
            pass(shard).outcomes().stream().filter(o -> o.target().equals("t02")).forEach(reported::add);
        }

        assertThat(reported).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(Result.FAILED);
            assertThat(o.error()).hasValueSatisfying(e -> assertThat(e)
                    .matches("(?s).*switchboard\\.yaml:\\d+:\\d+: targets\\.t02\\.shard: shard 5, but SWITCHBOARD_REPLICAS is 3.*"));
        });
    }

    @Test
    void metricsCarryTheShardLabel() {
        targets.pin(Map.of());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DaemonMetrics metrics = new DaemonMetrics(registry);
        metrics.shard("2");

        pass(2).outcomes().forEach(metrics::reconciled);

        assertThat(registry.find("switchboard.reconcile").tag("shard", "2").counters()).isNotEmpty();
        assertThat(registry.find("switchboard.drift.objects").tag("shard", "2").gauges()).isNotEmpty();
        assertThat(registry.find("switchboard.reconcile").counters())
                .allSatisfy(c -> assertThat(c.getId().getTag("shard")).isEqualTo("2"));
    }

    private Pass pass(int shard) {
        return new Reconciler(engine).reconcile(targets.revision("c"), DaemonConfig.Mode.DRIFT, work, List.of(),
                () -> false, Fleet.fixed(3, shard), 4);
    }
}
