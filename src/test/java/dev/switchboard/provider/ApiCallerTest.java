package dev.switchboard.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How {@link ApiCaller} waits for a REST Client call's {@code CompletionStage}: as the client's own blocking
 * calls do, so that a lost answer is still a lost answer to the retries, and a failure keeps its type.
 */
class ApiCallerTest {

    @Test
    void anAnswerIsTheResponse() {
        Response ok = Response.ok("{}").build();
        assertSame(ok, ApiCaller.await(CompletableFuture.completedFuture(ok)));
    }

    @Test
    void aFailureComesOutAsTheExceptionItIs() {
        ProcessingException lost = new ProcessingException("connection reset");
        assertSame(lost, assertThrows(ProcessingException.class,
                () -> ApiCaller.await(CompletableFuture.failedFuture(lost))));
        WebApplicationException refused = new WebApplicationException(409);
        assertSame(refused, assertThrows(WebApplicationException.class,
                () -> ApiCaller.await(CompletableFuture.failedFuture(refused))));
    }

    @Test
    void anyOtherFailureIsAProcessingExceptionWithItsCause() {
        IOException io = new IOException("closed");
        ProcessingException wrapped = assertThrows(ProcessingException.class,
                () -> ApiCaller.await(CompletableFuture.failedFuture(io)));
        assertSame(io, wrapped.getCause());
        assertEquals("closed", wrapped.getMessage());
    }

    @Test
    void anInterruptedWaitKeepsTheInterruptAndFails() {
        Thread.currentThread().interrupt();
        try {
            ProcessingException failed = assertThrows(ProcessingException.class,
                    () -> ApiCaller.await(new CompletableFuture<>()));
            assertTrue(failed.getCause() instanceof InterruptedException);
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aLostAnswerIsRetriedAndThenReportedWithNoStatus() {
        AtomicInteger sent = new AtomicInteger();
        List<Integer> observed = new ArrayList<>();
        ApiCaller caller = new ApiCaller("t", new RetryPolicy(3, Duration.ZERO, Duration.ZERO),
                (target, method, status, duration) -> observed.add(status), () -> false, delay -> { });
        ProviderException failure = assertThrows(ProviderException.class, () -> caller.call(ApiRequest.of("GET", "/x"), () -> {
            sent.incrementAndGet();
            return CompletableFuture.failedFuture(new ProcessingException("connection reset"));
        }));
        assertEquals(3, sent.get());
        assertEquals(List.of(0, 0, 0), observed);
        assertEquals(0, failure.status());
    }

    @Test
    void aRetriedCallReturnsTheAnswerThatCame() {
        AtomicInteger sent = new AtomicInteger();
        ApiCaller caller = new ApiCaller("t", new RetryPolicy(3, Duration.ZERO, Duration.ZERO), ApiObserver.NONE,
                () -> false, delay -> { });
        Response answer = caller.call(ApiRequest.of("GET", "/x"), () -> sent.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new ProcessingException("connection reset"))
                : CompletableFuture.completedFuture(Response.ok("{\"a\":1}").build()));
        assertEquals(2, sent.get());
        assertEquals(200, answer.getStatus());
    }

    // callAsync: the answer taken in where it arrives, everything else on the executor it is given

    /** Counts what it was given to run, and runs it on a thread of its own, as a fetch's thread would. */
    private static final class CountingExecutor implements java.util.concurrent.Executor {
        final AtomicInteger ran = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            ran.incrementAndGet();
            new Thread(task, "blocking").start();
        }
    }

    @Test
    void anAsyncCallAnsweredAtOnceNeedsNoOtherThread() {
        CountingExecutor blocking = new CountingExecutor();
        List<Integer> observed = new ArrayList<>();
        ApiCaller caller = new ApiCaller("t", new RetryPolicy(3, Duration.ZERO, Duration.ZERO),
                (target, method, status, duration) -> observed.add(status), () -> false, delay -> { });
        Response answer = caller.callAsync(ApiRequest.of("GET", "/x"),
                () -> CompletableFuture.completedFuture(Response.ok("[]").build()), blocking).join();
        assertEquals(200, answer.getStatus());
        assertEquals(0, blocking.ran.get());
        assertEquals(List.of(200), observed);
    }

    @Test
    void anAsyncCallRefusedIsRetriedOnTheExecutorWithItsPause() {
        CountingExecutor blocking = new CountingExecutor();
        AtomicInteger sent = new AtomicInteger();
        List<Duration> pauses = new ArrayList<>();
        List<Integer> observed = new ArrayList<>();
        ApiCaller caller = new ApiCaller("t", new RetryPolicy(3, Duration.ofMillis(7), Duration.ofMillis(7)),
                (target, method, status, duration) -> observed.add(status), () -> false, pauses::add);
        Response answer = caller.callAsync(ApiRequest.of("GET", "/x"), () -> sent.incrementAndGet() == 1
                ? CompletableFuture.completedFuture(Response.status(503).build())
                : CompletableFuture.completedFuture(Response.ok("{}").build()), blocking).join();
        assertEquals(200, answer.getStatus());
        assertEquals(2, sent.get());
        assertEquals(1, blocking.ran.get());
        assertEquals(List.of(503, 200), observed);
        assertEquals(1, pauses.size());
    }

    @Test
    void anAsyncCallWhoseAnswerIsLostIsRetriedAndThenReportedWithNoStatus() {
        CountingExecutor blocking = new CountingExecutor();
        AtomicInteger sent = new AtomicInteger();
        ApiCaller caller = new ApiCaller("t", new RetryPolicy(3, Duration.ZERO, Duration.ZERO), ApiObserver.NONE,
                () -> false, delay -> { });
        CompletableFuture<Response> call = caller.callAsync(ApiRequest.of("GET", "/x"), () -> {
            sent.incrementAndGet();
            return CompletableFuture.failedFuture(new java.util.concurrent.CompletionException(new IOException("reset")));
        }, blocking);
        java.util.concurrent.CompletionException failed = assertThrows(java.util.concurrent.CompletionException.class, call::join);
        ProviderException failure = (ProviderException) failed.getCause();
        assertEquals(0, failure.status());
        assertTrue(failure.getMessage().contains("reset"));
        assertEquals(3, sent.get());
    }

    @Test
    void anAsyncCallAnswered401ReauthenticatesOnTheExecutorAndSendsAgain() {
        CountingExecutor blocking = new CountingExecutor();
        AtomicInteger sent = new AtomicInteger();
        List<String> reauthenticatedOn = new ArrayList<>();
        ApiCaller caller = new ApiCaller("t", new RetryPolicy(3, Duration.ZERO, Duration.ZERO), ApiObserver.NONE,
                () -> reauthenticatedOn.add(Thread.currentThread().getName()), delay -> { });
        Response answer = caller.callAsync(ApiRequest.of("GET", "/x"), () -> sent.incrementAndGet() == 1
                ? CompletableFuture.completedFuture(Response.status(401).build())
                : CompletableFuture.completedFuture(Response.ok("{}").build()), blocking).join();
        assertEquals(200, answer.getStatus());
        assertEquals(2, sent.get());
        assertEquals(List.of("blocking"), reauthenticatedOn);
    }

    @Test
    void anAsyncCallThatCannotBeSentFailsAsItIsAndIsNotRetried() {
        CountingExecutor blocking = new CountingExecutor();
        AtomicInteger sent = new AtomicInteger();
        ProviderException noCredentials = new ProviderException("t", java.util.Optional.empty(), "POST", "/token", 400,
                "invalid_grant", false, null);
        ApiCaller caller = new ApiCaller("t", new RetryPolicy(3, Duration.ZERO, Duration.ZERO), ApiObserver.NONE,
                () -> false, delay -> { });
        CompletableFuture<Response> call = caller.callAsync(ApiRequest.of("GET", "/x"), () -> {
            sent.incrementAndGet();
            throw noCredentials;
        }, blocking);
        java.util.concurrent.CompletionException failed = assertThrows(java.util.concurrent.CompletionException.class, call::join);
        assertSame(noCredentials, failed.getCause());
        assertEquals(1, sent.get());
        assertEquals(0, blocking.ran.get());
    }
}
