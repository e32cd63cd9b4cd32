package dev.switchboard.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When the next reconcile is due (SPEC section 6): after a success, the interval plus up to
 * {@code jitter} of it at random, so that replicas and targets do not all call at once; after
 * {@code n} failures in a row, {@code retryInitial * 2^(n-1)}, at most {@code retryMax}.
 */
public record Schedule(Duration interval, double jitter, Duration retryInitial, Duration retryMax) {

    public Schedule {
        if (interval.isNegative() || interval.isZero()) {
            throw new DaemonConfigException("SWITCHBOARD_INTERVAL must be positive, not " + interval);
        }
        if (jitter < 0 || jitter > 1) {
            throw new DaemonConfigException("SWITCHBOARD_JITTER is a share between 0 and 1, not " + jitter);
        }
    }

    static Schedule of(DaemonSettings settings) {
        return new Schedule(settings.interval(), settings.jitter(), settings.retryInitial(), settings.retryMax());
    }

    /** The next run after a reconcile that ended at {@code now} with {@code failuresInARow} failures (0: success). */
    public Instant next(Instant now, int failuresInARow, RandomGenerator random) {
        return now.plus(failuresInARow == 0 ? jittered(random) : backoff(failuresInARow));
    }

    Duration jittered(RandomGenerator random) {
        long extra = (long) (interval.toMillis() * jitter * random.nextDouble());
        return interval.plusMillis(extra);
    }

    Duration backoff(int failuresInARow) {
        Duration wait = retryInitial;
        for (int i = 1; i < failuresInARow && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
