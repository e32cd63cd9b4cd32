package dev.switchboard.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A separate process that takes a target's apply lock, says so, and holds it until killed or its stdin closes. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (TargetLock lock = TargetLock.acquire(Path.of(args[0]), args[1], Duration.ZERO, "lock-holder", Clock.systemUTC())) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin or kills us
            }
        }
    }
}
