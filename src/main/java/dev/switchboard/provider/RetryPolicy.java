package dev.switchboard.provider;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed HTTP call is tried again, and after how long.
 *
 * <p>Idempotent calls (GET, PUT, DELETE) are retried on 5xx and 429; a read (GET, HEAD) also when no
 * answer came. A POST is retried only when the server certainly did not act on it (429 is a refusal).
 * A write that got no answer (a POST, PUT or DELETE whose connection was reset or timed out) is not
 * retried here: its outcome is unknown, and the apply layer checks by natural key first, since servers
 * hand IDs out again (an Officelinx ID freed by a lost DELETE can belong to a new object a moment later,
 * and a blind retry would delete that one). Delays double from {@code baseDelay} with full jitter, capped at
 * {@code maxDelay}; a Retry-After header wins when present.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(10));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public static boolean isIdempotent(String method) {
        return !"POST".equalsIgnoreCase(method);
    }

    /** Whether the call only reads: GET, HEAD or OPTIONS. */
    public static boolean isRead(String method) {
        return "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method) || "OPTIONS".equalsIgnoreCase(method);
    }

    /** Whether a call that got HTTP {@code status} (0: no response at all) may be tried again. */
    public boolean retryable(String method, int status) {
        if (status == 429) {
            return true;
        }
        if (status == 0) {
            return isRead(method);
        }
        return isIdempotent(method) && status >= 500;
    }

    /** How long to wait before attempt number {@code attempt + 1} (attempts count from 1). */
    public Duration delayAfter(int attempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(maxDelay) > 0 ? maxDelay : retryAfter.get();
        }
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }
}
