package dev.switchboard.systems.gws.provider;

import dev.switchboard.provider.ApiCaller;
import dev.switchboard.provider.ProviderException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * The bounded wait after a write GWS accepted with {@code statusCode 0}: the document warns that 0 only
 * means "sent", so the change counts once a read shows it. Reads back at once, then after pauses that
 * double from {@link #FIRST_PAUSE} up to {@link #LONGEST_PAUSE}, until the pauses add up to the
 * target's timeout (its {@code confirmTimeout}, default {@link #DEFAULT_TIMEOUT}).
 *
 * <p>The wait is counted in pauses, not by a wall clock, so a test's sleeper makes it instant; the time
 * the reads themselves take is not counted.
 */
final class ReadBack {

    private static final Logger LOG = Logger.getLogger(ReadBack.class);

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
            if (seen(visible)) {
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

    /**
     * A read that fails (the server busy, a connection lost) is not a sign either way: the write was
     * accepted, so the wait goes on, and ends unconfirmed if no read ever shows it.
     */
    private static boolean seen(BooleanSupplier visible) {
        try {
            return visible.getAsBoolean();
        } catch (ProviderException unreadable) {
            LOG.debugf("reading back failed, trying again: %s", unreadable.getMessage());
            return false;
        }
    }

    /** {@code 30 s}, {@code 1.5 s}: for messages. */
    String describe() {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
