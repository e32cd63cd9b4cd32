package dev.switchboard.daemon;

import dev.switchboard.provider.ApiObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Counts and times every API call the providers make, replacing the default observer that does nothing:
 * {@code switchboard_api_requests_total{target,method,status}} ({@code status} 0 when no response came)
 * and {@code switchboard_api_request_duration_seconds{target}}.
 */
@ApplicationScoped
public class MicrometerApiObserver implements ApiObserver {

    private final MeterRegistry registry;

    public MicrometerApiObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void observe(String target, String method, int status, Duration duration) {
        Counter.builder("switchboard.api.requests").description("HTTP calls to target APIs")
                .tags("target", target, "method", method, "status", Integer.toString(status))
                .register(registry).increment();
        Timer.builder("switchboard.api.request.duration").description("How long target API calls took")
                .tag("target", target).serviceLevelObjectives(DaemonMetrics.API_BUCKETS)
                .register(registry).record(duration);
    }
}
