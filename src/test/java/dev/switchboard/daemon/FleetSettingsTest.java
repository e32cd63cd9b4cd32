package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code SWITCHBOARD_CONCURRENT_TARGETS}, {@code SWITCHBOARD_REPLICAS}, {@code SWITCHBOARD_SHARD} and the Lease timings. */
class FleetSettingsTest {

    private static DaemonSettings settings(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(DaemonConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new EnvConfigSource(environment, 300)).build();
        return DaemonSettings.of(config.getConfigMapping(DaemonConfig.class));
    }

    @Test
    void defaultsToFourTargetsAtOnceOnOneReplicaWithTheOperatorSdksLeaseTimings() {
        DaemonSettings settings = settings(Map.of());

        assertThat(settings.concurrentTargets()).isEqualTo(4);
        assertThat(settings.fleet().replicas()).isEqualTo(1);
        assertThat(settings.fleet().membership()).isEqualTo(FleetSettings.Membership.STATIC);
        assertThat(settings.fleet().shardOf("laptop")).isZero();
        assertThat(settings.fleet().lease().duration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.fleet().lease().renewDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.fleet().lease().retryPeriod()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void refusesABadCountNamingItsVariable() {
        for (String bad : new String[] {"0", "four", "-2", "1.5"}) {
            assertThatThrownBy(() -> settings(Map.of("SWITCHBOARD_CONCURRENT_TARGETS", bad)))
                    .isInstanceOf(DaemonConfigException.class)
                    .hasMessageStartingWith("SWITCHBOARD_CONCURRENT_TARGETS is '" + bad + "'")
                    .hasMessageContaining("at least 1");
        }
        assertThatThrownBy(() -> settings(Map.of("SWITCHBOARD_REPLICAS", "three")))
                .hasMessageStartingWith("SWITCHBOARD_REPLICAS is 'three'");
        assertThatThrownBy(() -> settings(Map.of("SWITCHBOARD_MEMBERSHIP", "etcd")))
                .hasMessageContaining("SWITCHBOARD_MEMBERSHIP is 'etcd'").hasMessageContaining("kubernetes");
    }

    @Test
    void takesTheShardFromTheHostnamesOrdinalOrFromSwitchboardShard() {
        FleetSettings three = settings(Map.of("SWITCHBOARD_REPLICAS", "3")).fleet();

        assertThat(three.shardOf("switchboard-2")).isEqualTo(2);
        assertThat(three.shardOf("switchboard-blue-0")).isZero();
        assertThat(settings(Map.of("SWITCHBOARD_REPLICAS", "3", "SWITCHBOARD_SHARD", "1")).fleet().shardOf("switchboard-2"))
                .isEqualTo(1);
        assertThatThrownBy(() -> three.shardOf("laptop")).hasMessageContaining("hostname 'laptop'")
                .hasMessageContaining("SWITCHBOARD_SHARD");
        assertThatThrownBy(() -> three.shardOf("switchboard-3")).hasMessageContaining("SWITCHBOARD_REPLICAS is 3");
        assertThatThrownBy(() -> settings(Map.of("SWITCHBOARD_REPLICAS", "3", "SWITCHBOARD_SHARD", "3")))
                .hasMessageStartingWith("SWITCHBOARD_SHARD is 3, but SWITCHBOARD_REPLICAS is 3");
    }

    @Test
    void refusesLeaseTimingsThatLetTwoReplicasOwnATarget() {
        assertThatThrownBy(() -> settings(Map.of("SWITCHBOARD_LEASE_DURATION", "10s", "SWITCHBOARD_LEASE_RENEW_DEADLINE", "10s")))
                .hasMessageContaining("SWITCHBOARD_LEASE_RENEW_DEADLINE (10s)").hasMessageContaining("shorter than");
    }

    @Test
    void aPinBeyondTheReplicasNamesTheFileLineAndField() {
        TargetSpec pinned = new TargetSpec("olx-main", "officelinx", "embedded", Map.of(), Map.of(), TargetSpec.Tls.DEFAULT,
                TargetSpec.Policy.DEFAULT, TargetSpec.Timeouts.DEFAULT, TargetSpec.Sim.DEFAULT,
                Optional.of(new TargetSpec.ShardPin(3, new SourceLocation(Path.of("switchboard.yaml"), 12, 12),
                        "targets.olx-main.shard")));

        Fleet.Owner owner = Fleet.fixed(3, 0).owner(pinned);

        assertThat(owner.problem()).hasValueSatisfying(p -> assertThat(p)
                .startsWith("switchboard.yaml:12:12: targets.olx-main.shard: shard 3, but SWITCHBOARD_REPLICAS is 3"));
        // Reported by exactly one replica: the one the name hashes to.
        long reporting = java.util.stream.IntStream.range(0, 3).filter(k -> Fleet.fixed(3, k).owner(pinned).mine()).count();
        assertThat(reporting).isEqualTo(1);
    }
}
