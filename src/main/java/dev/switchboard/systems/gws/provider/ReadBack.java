package dev.switchboard.systems.gws.provider;

import dev.switchboard.provider.ApiCaller;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The bounded wait after a write GWS accepted with {@code statusCode 0}: the document warns that 0 only
 * means "sent", so the change counts once a read shows it. Reads back at once, then after pauses that
 * double from {@link #FIRST_PAUSE} up to {@link #LONGEST_PAUSE}, until the pauses add up to the
 * target's timeout (its {@code confirmTimeout}, default {@link #DEFAULT_TIMEOUT}).
 *
 * <p>The wait is counted in pauses, not by a wall clock, so a test's sleeper makes it instant.
 */
final class ReadBack {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final Duration timeout;
    private final ApiCaller.Sleeper sleeper;

    ReadBack(Duration timeout, ApiCaller.Sleeper sleeper) {
        this.timeout = timeout;
        this.sleeper = sleeper;
    }

    Duration timeout() {
        return timeout;
    }

    /** @return whether {@code visible} became true within the timeout */
    boolean until(BooleanSupplier visible) {
        Duration waited = Duration.ZERO;
        Duration pause = FIRST_PAUSE;
        while (true) {
            if (visible.getAsBoolean()) {
                return true;
            }
            if (waited.compareTo(timeout) >= 0) {
                return false;
            }
            Duration next = pause.compareTo(timeout.minus(waited)) > 0 ? timeout.minus(waited) : pause;
            try {
                sleeper.sleep(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            waited = waited.plus(next);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /** {@code 30 s}, {@code 1.5 s}: for messages. */
    String describe() {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
