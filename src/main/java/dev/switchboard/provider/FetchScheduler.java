package dev.switchboard.provider;

import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One target's live-state fetch as a set of independent reads, at most {@code parallelism} of them under way
 * at a time. A system says which reads depend on which by starting a read {@link #after} the read it needs:
 * the dependant is queued the moment its prerequisite's answer is there, and no read waits for another, so the
 * bound is never a cause of deadlock and every slot stays busy while there is work.
 *
 * <p>Reads that open up further reads (a list of companies, a page that leads to the next page) are
 * {@linkplain #read(Supplier) structural} and go before {@linkplain #leaf(Supplier) leaves} (a mailbox's
 * addresses), so that the queue of leaves never starves the chain that discovers them. Among reads of one
 * kind the order of submission holds.
 *
 * <p>A read is either blocking, run on one of the scheduler's threads, or {@linkplain #leafAsync non-blocking}:
 * started on whichever thread frees a slot (often the HTTP client's event loop that delivered the answer before)
 * and holding no thread while its answer is on the way. Both kinds count against the one bound. The
 * non-blocking kind is for the many small reads of a large fetch, where a blocking read costs a thread's wake-up
 * per answer: the large no-change plan, whose 10,000 mailbox address lists go this way, spends 7.9 s of client
 * CPU instead of 8.5 (means of 12 interleaved rounds).
 *
 * <p>Close it when the fetch is over (or failed): reads still queued are dropped.
 */
public final class FetchScheduler implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final int parallelism;
    /** Reads not started yet, by priority then submission; guarded by {@code this}. */
    private final PriorityQueue<Queued> queue = new PriorityQueue<>();
    /** Reads started and not finished; guarded by {@code this}. */
    private int underWay;
    private boolean closed;
    private long sequence;
    /** Whether a thread is starting reads: the others leave it to that one (see {@link #startWhatFits}). */
    private final AtomicInteger starting = new AtomicInteger();

    private FetchScheduler(String name, int parallelism) {
        this.parallelism = Math.max(1, parallelism);
        this.pool = new ThreadPoolExecutor(this.parallelism, this.parallelism, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "fetch-" + name);
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** A scheduler for one fetch of target {@code name}, running up to {@code parallelism} reads at once. */
    public static FetchScheduler open(String name, int parallelism) {
        return new FetchScheduler(name, parallelism);
    }

    /** Starts a structural read: one whose answer leads to further reads. */
    public <T> CompletableFuture<T> read(Supplier<T> read) {
        return submit(0, blocking(read));
    }

    /** Starts a leaf read: one nothing else waits for. */
    public <T> CompletableFuture<T> leaf(Supplier<T> read) {
        return submit(1, blocking(read));
    }

    /**
     * Starts a leaf read that holds no thread while its answer is on the way. {@code read} sends the request
     * and returns its pending answer at once; it must not block, since it may run on the thread that delivered
     * another read's answer. Whatever part of it has to block (a retry's pause, a token to renew) it runs on the
     * executor it is given, one of the scheduler's threads: the read holds its slot meanwhile, so the bound
     * still holds. The result completes on the thread that delivered the answer: what is chained to it must not
     * block either.
     */
    public <T> CompletableFuture<T> leafAsync(Function<Executor, ? extends CompletionStage<T>> read) {
        return submit(1, result -> {
            CompletionStage<T> pending;
            try {
                pending = read.apply(pool);
            } catch (RuntimeException | Error e) {
                finish(result, null, e);
                return;
            }
            pending.whenComplete((answer, failure) -> finish(result, answer, failure));
        });
    }

    /**
     * Starts {@code read} once {@code first} has answered, with its answer; a structural read. If
     * {@code first} failed, so does the result, with the same exception.
     */
    public <T, R> CompletableFuture<R> after(CompletableFuture<T> first, Function<T, R> read) {
        return first.thenCompose(answer -> submit(0, blocking(() -> read.apply(answer))));
    }

    /** The result, or the {@link ProviderException} (or other runtime exception) that the read threw. */
    public static <T> T join(CompletableFuture<T> future) {
        return ParallelReads.join(future);
    }

    /** How a read is started once it has a slot; it ends by calling {@link #finish}. */
    @FunctionalInterface
    private interface Start<T> {
        void start(CompletableFuture<T> result);
    }

    private <T> Start<T> blocking(Supplier<T> read) {
        return result -> {
            try {
                pool.execute(() -> {
                    T answer;
                    try {
                        answer = read.get();
                    } catch (RuntimeException | Error e) {
                        finish(result, null, e);
                        return;
                    }
                    finish(result, answer, null);
                });
            } catch (RejectedExecutionException closedMeanwhile) {
                finish(result, null, dropped());
            }
        };
    }

    private <T> CompletableFuture<T> submit(int priority, Start<T> start) {
        CompletableFuture<T> result = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                result.completeExceptionally(dropped());
                return result;
            }
            queue.add(new Queued(priority, sequence++, result, start));
        }
        startWhatFits();
        return result;
    }

    /**
     * A read is over. Its dependants hear of it first, while its slot is still held, so that the structural reads
     * they start queue before the slot is given to the next read, which is then theirs rather than a leaf's.
     */
    private <T> void finish(CompletableFuture<T> result, T answer, Throwable failure) {
        try {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(answer);
            }
        } finally {
            synchronized (this) {
                underWay--;
            }
            startWhatFits();
        }
    }

    /**
     * Starts queued reads while slots are free. One thread at a time does it; a thread that finds another at it
     * leaves the work to that one, which looks again before it stops. So a read that ends the moment it starts
     * does not start the next from within itself, and a long queue does not deepen any thread's stack.
     */
    private void startWhatFits() {
        if (starting.getAndIncrement() != 0) {
            return;
        }
        do {
            while (true) {
                Queued next;
                synchronized (this) {
                    if (closed || underWay >= parallelism || queue.isEmpty()) {
                        break;
                    }
                    next = queue.poll();
                    underWay++;
                }
                next.begin();
            }
        } while (starting.decrementAndGet() != 0);
    }

    @Override
    public void close() {
        List<Queued> dropped;
        synchronized (this) {
            closed = true;
            dropped = List.copyOf(queue);
            queue.clear();
        }
        pool.shutdownNow();
        dropped.forEach(queued -> queued.result.completeExceptionally(dropped()));
    }

    private static CancellationException dropped() {
        return new CancellationException("the fetch was closed before this read started");
    }

    /** A queued read, ordered by priority then submission. */
    private static final class Queued implements Comparable<Queued> {
        private final int priority;
        private final long sequence;
        private final CompletableFuture<Object> result;
        private final Start<Object> start;

        @SuppressWarnings("unchecked")
        <T> Queued(int priority, long sequence, CompletableFuture<T> result, Start<T> start) {
            this.priority = priority;
            this.sequence = sequence;
            this.result = (CompletableFuture<Object>) result;
            this.start = (Start<Object>) start;
        }

        void begin() {
            start.start(result);
        }

        @Override
        public int compareTo(Queued other) {
            return priority != other.priority ? Integer.compare(priority, other.priority)
                    : Long.compare(sequence, other.sequence);
        }
    }

}
