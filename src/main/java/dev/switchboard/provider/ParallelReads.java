package dev.switchboard.provider;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The two steps every provider's parallel fetch takes: start a read on the fetch's pool, counting what
 * it brings into the progress, and wait for it, rethrowing the {@link ProviderException} it failed with
 * rather than a wrapper, so that the command names the call that failed.
 */
public final class ParallelReads {

    private ParallelReads() {
    }

    /** Runs {@code read} on {@code pool}; its items are counted into {@code progress} once read. */
    public static <T> CompletableFuture<List<T>> async(ExecutorService pool, Supplier<List<T>> read,
                                                       FetchProgress progress) {
        return CompletableFuture.supplyAsync(() -> {
            List<T> items = read.get();
            progress.fetched(items.size());
            return items;
        }, pool);
    }

    /** The result, or the {@link ProviderException} (or other runtime exception or error) that the read threw. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }
}
