package dev.switchboard.daemon;

import dev.switchboard.provider.ApiObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts and times every API call the providers make, replacing the default observer that does nothing:
 * {@code switchboard_api_requests_total{target,method,status}} ({@code status} 0 when no response came)
 * and {@code switchboard_api_request_duration_seconds{target}}.
 *
 * <p>Each meter is looked up in the registry once and kept: a plan of 40,000 objects makes 10,000 calls, and
 * building a meter's ID and finding it again for every call cost more CPU than the call's own JSON.
 */
@ApplicationScoped
public class MicrometerApiObserver implements ApiObserver {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public MicrometerApiObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void observe(String target, String method, int status, Duration duration) {
        counters.computeIfAbsent(target + ' ' + method + ' ' + status, key -> Counter.builder("switchboard.api.requests")
                .description("HTTP calls to target APIs")
                .tags("target", target, "method", method, "status", Integer.toString(status))
                .register(registry)).increment();
        timers.computeIfAbsent(target, key -> Timer.builder("switchboard.api.request.duration")
                .description("How long target API calls took")
                .tag("target", target).serviceLevelObjectives(DaemonMetrics.API_BUCKETS)
                .register(registry)).record(duration);
    }
}
