package dev.switchboard.daemon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daemon's Prometheus metrics, spelled as SPEC section 6 names them once the registry has added
 * its suffixes: {@code switchboard_reconcile_total{target,result}},
 * {@code switchboard_reconcile_duration_seconds{target}}, {@code switchboard_drift_objects{target,kind}},
 * {@code switchboard_git_fetch_total{result}} and {@code switchboard_last_reconcile_timestamp_seconds{target}}.
 * The API call metrics are {@link MicrometerApiObserver}'s. Labels never hold a secret. The reconcile, drift
 * and timestamp series also carry {@code shard}: the replica that reconciled the target (SPEC section 6), so
 * that a fleet's series can be told apart and summed.
 */
@ApplicationScoped
public class DaemonMetrics {

    /** The buckets of {@code switchboard_reconcile_duration_seconds}: a pass of a target takes 0.1 s to minutes. */
    static final Duration[] RECONCILE_BUCKETS = seconds(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600);

    /** The buckets of {@code switchboard_api_request_duration_seconds}: an API call takes milliseconds to a minute. */
    static final Duration[] API_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60);

    private final MeterRegistry registry;
    private final Map<Tags, AtomicLong> drift = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastReconcile = new ConcurrentHashMap<>();
    private volatile String shard = Fleet.SINGLE.shard();

    public DaemonMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The {@code shard} label of this replica's series from now on. */
    public void shard(String name) {
        shard = name;
    }

    public void fetched(boolean success) {
        Counter.builder("switchboard.git.fetch").description("Fetches of the desired-state repository")
                .tag("result", success ? "success" : "failure").register(registry).increment();
    }

    /** {@code switchboard_notifications_total{service,result}}: a notification sent, or one that failed. */
    public void notified(String service, boolean sent) {
        Counter.builder("switchboard.notifications").description("Notifications sent, or failed, by service")
                .tags("service", service, "result", sent ? "sent" : "failed").register(registry).increment();
    }

    public void reconciled(TargetOutcome outcome) {
        Counter.builder("switchboard.reconcile").description("Reconciles of a target, by result")
                .tags("target", outcome.target(), "result", outcome.result().label(), "shard", shard).register(registry).increment();
        Timer.builder("switchboard.reconcile.duration").description("How long a target's reconcile took")
                .tags("target", outcome.target(), "shard", shard).serviceLevelObjectives(RECONCILE_BUCKETS)
                .register(registry).record(outcome.duration());
        lastReconcile.computeIfAbsent(outcome.target(), target -> {
            AtomicLong seconds = new AtomicLong();
            Gauge.builder("switchboard.last.reconcile.timestamp.seconds", seconds, AtomicLong::get)
                    .description("When the target's last reconcile ended, in Unix seconds")
                    .tags("target", target, "shard", shard).register(registry);
            return seconds;
        }).set(outcome.finished().getEpochSecond());
        // Every managed kind has its series, at 0 when in sync, so that an alert on it has something to watch.
        outcome.kinds().forEach(kind -> driftGauge(outcome.target(), kind));
        if (outcome.plan().isEmpty()) {
            return; // nothing was learnt about drift: keep what the last plan said
        }
        drift.forEach((tags, count) -> {
            if (tags.stream().anyMatch(t -> t.getKey().equals("target") && t.getValue().equals(outcome.target()))) {
                count.set(0);
            }
        });
        outcome.driftByKind().forEach((kind, count) -> driftGauge(outcome.target(), kind).set(count));
    }

    /** Zeroes the drift of targets no longer declared, so that dashboards do not show a ghost's last count. */
    public void onlyDeclared(java.util.Collection<String> targets) {
        drift.forEach((tags, count) -> {
            if (tags.stream().anyMatch(t -> t.getKey().equals("target") && !targets.contains(t.getValue()))) {
                count.set(0);
            }
        });
    }

    private static Duration[] seconds(double... bounds) {
        return java.util.Arrays.stream(bounds).mapToObj(b -> Duration.ofNanos(Math.round(b * 1e9))).toArray(Duration[]::new);
    }

    private AtomicLong driftGauge(String target, String kind) {
        return drift.computeIfAbsent(Tags.of("target", target, "kind", kind, "shard", shard), tags -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder("switchboard.drift.objects", count, AtomicLong::get)
                    .description("Objects whose live state differs from Git, by kind").tags(tags).register(registry);
            return count;
        });
    }
}
