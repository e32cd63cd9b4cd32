package dev.switchboard.engine;

import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.ParallelReads;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Live state read while the desired state is still loading: a read-only command ({@code plan}, {@code drift})
 * knows its targets from {@code switchboard.yaml} alone, and reading a large server takes longer than parsing
 * and checking thousands of declarations, so the two run at once. Each target is opened and read on a thread
 * of its own; the {@link EngineSession} opened afterwards takes a target's connection and live state over
 * ({@link #take}) when the target it loaded is the one that was read, and opens and reads afresh otherwise.
 *
 * <p>Nothing is written: only the reads of a plan are sent, and {@code apply} never reads ahead, since it reads
 * under its lock. A prefetch that fails is no error of its own: the session opens the target again and meets
 * the failure where it always did. {@link #close} closes every connection no session took (when the desired
 * state turned out invalid, say), which ends their reads.
 */
public final class Prefetch implements AutoCloseable {

    /** No read ahead: every target is opened and read by the session. */
    public static final Prefetch NONE = new Prefetch(Map.of());

    private static final Logger LOG = Logger.getLogger(Prefetch.class);

    private final Map<String, Started> started;

    private Prefetch(Map<String, Started> started) {
        this.started = started;
    }

    /** Opens and starts reading each of {@code targets}, in their order, each on a thread of its own. */
    static Prefetch start(Map<String, TargetSpec> targets, Path workDir, Connections connections) {
        Map<String, Started> started = new LinkedHashMap<>();
        targets.forEach((name, spec) -> {
            Started read = new Started(spec);
            Thread thread = new Thread(() -> read.run(workDir, connections), "prefetch-" + name);
            thread.setDaemon(true);
            thread.start();
            started.put(name, read);
        });
        return new Prefetch(started);
    }

    /**
     * The connection and the live state being read of {@code target}, when it was read ahead as {@code spec}
     * declares it and could be opened; the caller then owns the connection. Otherwise empty, and a connection
     * opened for another spec is closed (its simulator too, so that the session can start its own).
     */
    synchronized Optional<Taken> take(String target, TargetSpec spec) {
        if (!started.containsKey(target)) {
            return Optional.empty();
        }
        Started read = started.remove(target);
        Optional<Connection> connection = read.opened();
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        if (!read.spec.equals(spec)) {
            LOG.debugf("target %s changed while the desired state loaded: read again", target);
            connection.get().close();
            return Optional.empty();
        }
        return Optional.of(new Taken(connection.get(), read.live, read.progress));
    }

    /** Closes the connections no session took; their reads end with an error nobody waits for. */
    @Override
    public synchronized void close() {
        if (started.isEmpty()) {
            return;
        }
        for (Started read : started.values()) {
            read.opened().ifPresent(connection -> {
                try {
                    connection.close();
                } catch (RuntimeException e) {
                    LOG.debugf("closing a connection read ahead: %s", e.getMessage());
                }
            });
        }
        started.clear();
    }

    /**
     * A target read ahead: its connection, its live state (completing with the read's failure, if it failed),
     * and the progress of the read, to replay where the plan shows progress.
     */
    record Taken(Connection connection, CompletableFuture<ResourceSet> live, DeferredProgress progress) {

        /** Waits for the read; its failure is rethrown as it was thrown. */
        ResourceSet join() {
            return ParallelReads.join(live);
        }
    }

    private static final class Started {
        final TargetSpec spec;
        final CompletableFuture<Connection> connection = new CompletableFuture<>();
        final CompletableFuture<ResourceSet> live = new CompletableFuture<>();
        final DeferredProgress progress = new DeferredProgress();

        Started(TargetSpec spec) {
            this.spec = spec;
        }

        void run(Path workDir, Connections connections) {
            Connection opened;
            try {
                opened = connections.open(workDir, spec);
                connection.complete(opened);
            } catch (RuntimeException | Error e) {
                connection.completeExceptionally(e);
                live.completeExceptionally(e);
                progress.end();
                return;
            }
            progress.start("fetching " + spec.name(), 0);
            try {
                live.complete(opened.provider().fetchLiveState(progress::step));
            } catch (RuntimeException | Error e) {
                live.completeExceptionally(e);
            } finally {
                progress.finish();
                progress.end();
            }
        }

        /** The connection once it is open; empty when it could not be. */
        Optional<Connection> opened() {
            try {
                return Optional.of(connection.join());
            } catch (CompletionException | java.util.concurrent.CancellationException failed) {
                return Optional.empty();
            }
        }
    }
}
