package dev.switchboard.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One apply per target at a time (SPEC section 4): an OS file lock on
 * {@code .switchboard/locks/<target>.lock} under the work directory, held from before the plan an apply
 * acts on until the apply ends, and released by the OS if the process dies. The file says who holds it
 * (process, host, command, since when), so that a refused apply can name the holder. Within one JVM
 * (the daemon, tests) a second session is refused as another process would be.
 */
final class TargetLock implements ApplyLock {

    static final Path LOCK_DIR = Path.of(".switchboard", "locks");

    /** The lock files this JVM holds, by absolute path: the OS does not lock a file twice for one process. */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private static final Duration POLL = Duration.ofMillis(100);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private TargetLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param timeout how long to wait for another holder to finish; zero refuses at once
     * @throws EngineException naming the holder when the lock is still held after {@code timeout}
     */
    static TargetLock acquire(Path workDir, String target, Duration timeout, String command, Clock clock) {
        Path file = workDir.resolve(LOCK_DIR).resolve(target + ".lock").toAbsolutePath().normalize();
        Instant deadline = clock.instant().plus(timeout);
        try {
            Files.createDirectories(file.getParent());
            while (true) {
                if (HELD_HERE.add(file)) {
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
                    FileLock lock = tryLock(channel);
                    if (lock != null) {
                        String holder = thisProcess(command, clock.instant());
                        channel.truncate(0);
                        channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                        channel.force(false);
                        return new TargetLock(file, channel, lock);
                    }
                    channel.close();
                    HELD_HERE.remove(file);
                }
                if (!clock.instant().isBefore(deadline)) {
                    throw new EngineException("target " + target + " is being applied by " + holder(file)
                            + " (lock " + file + "): one apply per target at a time. Wait for it to end, or pass "
                            + "--lock-timeout to wait; if that process is gone, the OS has released the lock already.");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException e) {
            throw new EngineException("target " + target + ": cannot take the lock " + file + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("target " + target + ": interrupted while waiting for the lock " + file);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "another process" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    /** Who holds a lock, as a refused apply names it: {@code pid 4242 on ci-7 (apply), since 2026-...Z}. */
    static String thisProcess(String command, Instant since) {
        return "pid " + ProcessHandle.current().pid() + " on " + host() + " (" + command + "), since " + since;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this host";
        }
    }

    /** An OS lock is held until it is released or the process ends. */
    @Override
    public Optional<String> lost() {
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS releases the lock with the channel or the process; nothing is left to do
        } finally {
            HELD_HERE.remove(file);
        }
    }
}
