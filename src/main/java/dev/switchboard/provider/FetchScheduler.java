package dev.switchboard.provider;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One target's live-state fetch as a set of independent reads, run at most {@code parallelism} at a time
 * by one bounded pool. A system says which reads depend on which by starting a read {@link #after} the
 * read it needs: the dependant is queued the moment its prerequisite's answer is there, and no thread
 * waits for another read, so the bound is never a cause of deadlock and every slot stays busy while
 * there is work.
 *
 * <p>Reads that open up further reads (a list of companies, a page that leads to the next page) are
 * {@linkplain #read(Supplier) structural} and go before {@linkplain #leaf(Supplier) leaves} (a mailbox's
 * addresses), so that the queue of leaves never starves the chain that discovers them. Among reads of one
 * kind the order of submission holds.
 *
 * <p>Close it when the fetch is over (or failed): reads still queued are dropped.
 */
public final class FetchScheduler implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final AtomicLong sequence = new AtomicLong();

    private FetchScheduler(String name, int parallelism) {
        int threads = Math.max(1, parallelism);
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new PriorityBlockingQueue<>(),
                runnable -> {
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
        return submit(0, read);
    }

    /** Starts a leaf read: one nothing else waits for. */
    public <T> CompletableFuture<T> leaf(Supplier<T> read) {
        return submit(1, read);
    }

    /**
     * Starts {@code read} once {@code first} has answered, with its answer; a structural read. If
     * {@code first} failed, so does the result, with the same exception.
     */
    public <T, R> CompletableFuture<R> after(CompletableFuture<T> first, Function<T, R> read) {
        return first.thenCompose(answer -> submit(0, () -> read.apply(answer)));
    }

    /** A list read that counts what it brought into {@code progress}. */
    public static <T> Supplier<List<T>> counted(Supplier<List<T>> read, FetchProgress progress) {
        return () -> {
            List<T> items = read.get();
            progress.fetched(items.size());
            return items;
        };
    }

    /** The result, or the {@link ProviderException} (or other runtime exception) that the read threw. */
    public static <T> T join(CompletableFuture<T> future) {
        return ParallelReads.join(future);
    }

    private <T> CompletableFuture<T> submit(int priority, Supplier<T> read) {
        CompletableFuture<T> result = new CompletableFuture<>();
        pool.execute(new Prioritised(priority, sequence.getAndIncrement(), result, () -> {
            try {
                result.complete(read.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }));
        return result;
    }

    @Override
    public void close() {
        for (Runnable dropped : pool.shutdownNow()) {
            if (dropped instanceof Prioritised queued) {
                queued.result.completeExceptionally(new CancellationException("the fetch was closed before this read started"));
            }
        }
    }

    /** A queued read, ordered by priority then submission. */
    private static final class Prioritised extends FutureTask<Void> implements Comparable<Prioritised> {
        private final int priority;
        private final long sequence;
        private final CompletableFuture<?> result;

        Prioritised(int priority, long sequence, CompletableFuture<?> result, Runnable body) {
            super(body, null);
            this.priority = priority;
            this.sequence = sequence;
            this.result = result;
        }

        @Override
        public int compareTo(Prioritised other) {
            return priority != other.priority ? Integer.compare(priority, other.priority)
                    : Long.compare(sequence, other.sequence);
        }
    }

}
