package dev.switchboard.engine;

import java.util.Optional;

/**
 * The per-target apply lock (SPEC section 4) one session holds from before the plan an apply acts on until
 * the apply ends: a file lock ({@link TargetLock}) or a Kubernetes Lease ({@link LeaseTargetLock}), as
 * {@code settings.lock} says.
 */
interface ApplyLock extends AutoCloseable {

    /**
     * Why this lock is no longer held, when it is not: a Lease that could not be renewed within its renew
     * deadline, or that another holder took. An apply under a lost lock starts no further change.
     */
    Optional<String> lost();

    @Override
    void close();
}
