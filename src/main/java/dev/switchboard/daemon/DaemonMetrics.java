package dev.switchboard.daemon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daemon's Prometheus metrics, spelled as SPEC section 6 names them once the registry has added
 * its suffixes: {@code switchboard_reconcile_total{target,result}},
 * {@code switchboard_reconcile_duration_seconds{target}}, {@code switchboard_drift_objects{target,kind}},
 * {@code switchboard_git_fetch_total{result}} and {@code switchboard_last_reconcile_timestamp_seconds{target}}.
 * The API call metrics are {@link MicrometerApiObserver}'s. Labels never hold a secret.
 */
@ApplicationScoped
public class DaemonMetrics {

    private final MeterRegistry registry;
    private final Map<Tags, AtomicLong> drift = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastReconcile = new ConcurrentHashMap<>();

    public DaemonMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void fetched(boolean success) {
        Counter.builder("switchboard.git.fetch").description("Fetches of the desired-state repository")
                .tag("result", success ? "success" : "failure").register(registry).increment();
    }

    public void reconciled(TargetOutcome outcome) {
        Counter.builder("switchboard.reconcile").description("Reconciles of a target, by result")
                .tags("target", outcome.target(), "result", outcome.result().label()).register(registry).increment();
        Timer.builder("switchboard.reconcile.duration").description("How long a target's reconcile took")
                .tag("target", outcome.target()).register(registry).record(outcome.duration());
        lastReconcile.computeIfAbsent(outcome.target(), target -> {
            AtomicLong seconds = new AtomicLong();
            Gauge.builder("switchboard.last.reconcile.timestamp.seconds", seconds, AtomicLong::get)
                    .description("When the target's last reconcile ended, in Unix seconds")
                    .tag("target", target).register(registry);
            return seconds;
        }).set(outcome.finished().getEpochSecond());
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

    private AtomicLong driftGauge(String target, String kind) {
        return drift.computeIfAbsent(Tags.of("target", target, "kind", kind), tags -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder("switchboard.drift.objects", count, AtomicLong::get)
                    .description("Objects whose live state differs from Git, by kind").tags(tags).register(registry);
            return count;
        });
    }
}
