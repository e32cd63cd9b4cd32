package dev.switchboard.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulator that records every request it answers (method, path, status, when it began and ended) before
 * handing it to the simulator it wraps: the request log of one simulated server of a fleet
 * ({@code switchboard sim --fleet}), and what tests read to tell who wrote what, and when. Never records a
 * body or a header, so no credential lands in it.
 */
public final class RequestLog extends ForwardingSimulator {

    /**
     * One request.
     *
     * @param started when the simulator began to handle it (after latency and faults)
     * @param ended   when its answer was ready
     */
    public record Entry(String method, String path, int status, Instant started, Instant ended) {

        /** Whether it could change the server's state: anything but GET, HEAD and OPTIONS. */
        public boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }
    }

    private final Clock clock;
    private final List<Entry> entries = new ArrayList<>();
    private final Optional<Path> file;

    public RequestLog(Simulator delegate) {
        this(delegate, Clock.systemUTC(), Optional.empty());
    }

    /**
     * A log that also appends each request to {@code file} as it is answered, one line each:
     * {@code STARTED ENDED METHOD PATH STATUS} (instants in ISO-8601).
     */
    public RequestLog(Simulator delegate, Path file) {
        this(delegate, Clock.systemUTC(), Optional.of(file));
    }

    RequestLog(Simulator delegate, Clock clock, Optional<Path> file) {
        super(delegate);
        this.clock = clock;
        this.file = file;
    }

    /** The requests answered so far, in the order they began. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * Waits until {@code count} requests have been answered in all, woken by each answer; false when
     * {@code timeout} passed first (a bound against a hang, not a measure).
     */
    public synchronized boolean awaitEntries(int count, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (entries.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Forgets the requests recorded so far. */
    public synchronized void clear() {
        entries.clear();
    }

    /** The requests that could change the server's state, in order. */
    public List<Entry> writes() {
        return entries().stream().filter(Entry::writes).toList();
    }

    @Override
    public void handle(SimExchange exchange) throws IOException {
        Instant started = clock.instant();
        try {
            delegate().handle(exchange);
        } finally {
            Entry entry = new Entry(exchange.method(), exchange.path(), exchange.answered() ? exchange.status() : 500,
                    started, clock.instant());
            synchronized (this) {
                entries.add(entry);
                notifyAll();
                if (file.isPresent()) {
                    Files.writeString(file.get(), entry.started() + " " + entry.ended() + " " + entry.method() + " "
                            + entry.path() + " " + entry.status() + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            }
        }
    }

    /** As concurrent as the simulator it logs: its own entries are kept under its own lock. */
    @Override
    public boolean concurrent() {
        return delegate().concurrent();
    }

}
