package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One apply per target: the lock refuses a second holder, names the first, and dies with its process. */
class TargetLockTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();

    @Test
    void aSecondHolderInThisProcessIsRefusedAndNamesTheFirst() {
        try (TargetLock first = TargetLock.acquire(dir, "olx-main", Duration.ZERO, "apply", clock)) {
            assertThatThrownBy(() -> TargetLock.acquire(dir, "olx-main", Duration.ZERO, "serve", clock))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("target olx-main is being applied by pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("(apply)")
                    .hasMessageContaining(".switchboard/locks/olx-main.lock");
            TargetLock.acquire(dir, "xci-paris", Duration.ZERO, "apply", clock).close();
        }
        TargetLock.acquire(dir, "olx-main", Duration.ZERO, "apply", clock).close();
    }

    @Test
    void aWaitingHolderGetsTheLockOnceTheFirstLetsGo() throws Exception {
        TargetLock first = TargetLock.acquire(dir, "olx-main", Duration.ZERO, "apply", clock);
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<TargetLock> second = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            return TargetLock.acquire(dir, "olx-main", Duration.ofMinutes(1), "apply", clock);
        });
        waiting.await();
        first.close();
        second.get(1, TimeUnit.MINUTES).close();
    }

    @Test
    void anotherProcessHoldsItUntilItDiesAndTheOsLetsItGo() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dir.toString(), "olx-main").redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(line).isEqualTo("locked");
            assertThatThrownBy(() -> TargetLock.acquire(dir, "olx-main", Duration.ZERO, "apply", clock))
                    .hasMessageContaining("is being applied by pid " + holder.pid())
                    .hasMessageContaining("(lock-holder)");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(1, TimeUnit.MINUTES);
        }
        TargetLock.acquire(dir, "olx-main", Duration.ZERO, "apply", clock).close();
    }
}
