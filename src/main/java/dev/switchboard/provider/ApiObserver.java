package dev.switchboard.provider;

import java.time.Duration;

/** Told of every HTTP call a provider makes, for metrics ({@code switchboard_api_requests_total}). */
@FunctionalInterface
public interface ApiObserver {

    ApiObserver NONE = (target, method, status, duration) -> { };

    /** @param status the HTTP status, or 0 when no response came */
    void observe(String target, String method, int status, Duration duration);
}
