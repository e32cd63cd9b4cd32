package dev.switchboard.daemon;

import java.util.Optional;

/**
 * Decides when a pass starts, so that passes run one at a time and a burst of triggers costs at most one
 * more pass: a trigger while idle starts one; triggers during a pass leave exactly one queued, a poll
 * never displacing a stronger reason (a poll that finds no new commit does nothing). Thread-safe.
 */
final class PassQueue {

    private boolean running;
    private Optional<Daemon.Trigger> queued = Optional.empty();

    /** @return true when the caller must start a pass for {@code trigger} now; false when it was queued */
    synchronized boolean offer(Daemon.Trigger trigger) {
        if (!running) {
            running = true;
            return true;
        }
        if (queued.isEmpty() || queued.get() == Daemon.Trigger.POLL) {
            queued = Optional.of(trigger);
        }
        return false;
    }

    /**
     * Called when a pass ends: the queued trigger to run next, or empty when the queue is idle again
     * ({@code stopping} drops what was queued).
     */
    synchronized Optional<Daemon.Trigger> next(boolean stopping) {
        Optional<Daemon.Trigger> next = stopping ? Optional.empty() : queued;
        queued = Optional.empty();
        running = next.isPresent();
        return next;
    }

    synchronized boolean running() {
        return running;
    }
}
