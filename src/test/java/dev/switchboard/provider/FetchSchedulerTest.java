package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FetchSchedulerTest {

    @Test
    void runsAReadAfterTheOneItNeedsWithItsAnswer() {
        try (FetchScheduler fetch = FetchScheduler.open("t", 2)) {
            CompletableFuture<List<String>> companies = fetch.read(() -> List.of("a", "b"));
            CompletableFuture<Integer> count = fetch.after(companies, List::size);
            assertThat(FetchScheduler.join(count)).isEqualTo(2);
        }
    }

    @Test
    void neverRunsMoreReadsAtOnceThanItsBoundEvenWhenReadsStartReads() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<CompletableFuture<Integer>> leaves = Collections.synchronizedList(new ArrayList<>());
        try (FetchScheduler fetch = FetchScheduler.open("t", 3)) {
            List<CompletableFuture<Integer>> pages = new ArrayList<>();
            for (int p = 0; p < 10; p++) {
                int page = p;
                pages.add(fetch.read(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    for (int i = 0; i < 20; i++) {
                        int item = page * 100 + i;
                        leaves.add(fetch.leaf(() -> {
                            most.accumulateAndGet(running.incrementAndGet(), Math::max);
                            Thread.yield();
                            running.decrementAndGet();
                            return item;
                        }));
                    }
                    running.decrementAndGet();
                    return page;
                }));
            }
            pages.forEach(FetchScheduler::join);
            int sum = 0;
            for (CompletableFuture<Integer> leaf : List.copyOf(leaves)) {
                sum += FetchScheduler.join(leaf);
            }
            assertThat(leaves).hasSize(200);
            assertThat(sum).isEqualTo(10 * 20 * 19 / 2 + 100 * 20 * 45);
        }
        assertThat(most.get()).isBetween(1, 3);
    }

    @Test
    void startsStructuralReadsBeforeQueuedLeaves() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        try (FetchScheduler fetch = FetchScheduler.open("t", 1)) {
            // the only slot is held, so everything below queues
            CompletableFuture<String> blocker = fetch.read(() -> {
                await(release);
                return "blocker";
            });
            List<CompletableFuture<String>> queued = new ArrayList<>();
            queued.add(fetch.leaf(() -> record(order, "leaf-1")));
            queued.add(fetch.leaf(() -> record(order, "leaf-2")));
            queued.add(fetch.read(() -> record(order, "page-2")));
            queued.add(fetch.read(() -> record(order, "page-3")));
            release.countDown();
            FetchScheduler.join(blocker);
            queued.forEach(FetchScheduler::join);
        }
        assertThat(order).containsExactly("page-2", "page-3", "leaf-1", "leaf-2");
    }

    @Test
    void rethrowsTheProviderExceptionOfAFailedReadAndFailsWhatDependsOnIt() {
        try (FetchScheduler fetch = FetchScheduler.open("t", 2)) {
            CompletableFuture<List<String>> failing = fetch.read(() -> {
                throw new ProviderException("t", Optional.empty(), "GET", "/things", 500, "boom", false, null);
            });
            CompletableFuture<Integer> dependant = fetch.after(failing, List::size);
            assertThatThrownBy(() -> FetchScheduler.join(dependant)).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("/things");
        }
    }

    @Test
    void failsTheReadsStillQueuedWhenClosedInsteadOfLeavingThemHanging() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> queued;
        FetchScheduler fetch = FetchScheduler.open("t", 1);
        fetch.read(() -> {
            started.countDown();
            await(release);
            return "running";
        });
        queued = fetch.leaf(() -> "never");
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        fetch.close();
        release.countDown();
        assertThatThrownBy(() -> FetchScheduler.join(queued)).hasMessageContaining("closed before this read started");
    }

    @Test
    void readsThatHoldNoThreadCountAgainstTheSameBoundAsTheOthers() throws Exception {
        AtomicInteger underWay = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        java.util.concurrent.ScheduledExecutorService answers = java.util.concurrent.Executors.newScheduledThreadPool(2);
        List<CompletableFuture<Integer>> reads = new ArrayList<>();
        try (FetchScheduler fetch = FetchScheduler.open("t", 3)) {
            for (int i = 0; i < 60; i++) {
                int item = i;
                if (i % 3 == 0) {
                    reads.add(fetch.read(() -> {
                        most.accumulateAndGet(underWay.incrementAndGet(), Math::max);
                        Thread.yield();
                        underWay.decrementAndGet();
                        return item;
                    }));
                } else {
                    // answered later on another thread, as an HTTP client's event loop would
                    reads.add(fetch.leafAsync(blocking -> {
                        most.accumulateAndGet(underWay.incrementAndGet(), Math::max);
                        CompletableFuture<Integer> answer = new CompletableFuture<>();
                        answers.schedule(() -> {
                            underWay.decrementAndGet();
                            answer.complete(item);
                        }, 1, TimeUnit.MILLISECONDS);
                        return answer;
                    }));
                }
            }
            int sum = 0;
            for (CompletableFuture<Integer> read : reads) {
                sum += FetchScheduler.join(read);
            }
            assertThat(sum).isEqualTo(59 * 60 / 2);
        } finally {
            answers.shutdownNow();
        }
        assertThat(most.get()).isBetween(2, 3);
    }

    @Test
    void aReadThatHoldsNoThreadMayBlockOnTheExecutorItIsGiven() {
        try (FetchScheduler fetch = FetchScheduler.open("t", 1)) {
            CompletableFuture<String> read = fetch.leafAsync(blocking -> CompletableFuture.supplyAsync(
                    () -> Thread.currentThread().getName(), blocking));
            assertThat(FetchScheduler.join(read)).isEqualTo("fetch-t");
        }
    }

    @Test
    void aReadThatFailsToStartFailsAloneAndFreesItsSlot() {
        try (FetchScheduler fetch = FetchScheduler.open("t", 1)) {
            CompletableFuture<String> failing = fetch.leafAsync(blocking -> {
                throw new ProviderException("t", Optional.empty(), "GET", "/addresses", 0, "not sent", false, null);
            });
            CompletableFuture<String> next = fetch.leafAsync(blocking -> CompletableFuture.completedFuture("next"));
            assertThatThrownBy(() -> FetchScheduler.join(failing)).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("/addresses");
            assertThat(FetchScheduler.join(next)).isEqualTo("next");
        }
    }

    @Test
    void manyReadsAnsweredTheMomentTheyStartDoNotDeepenTheStack() {
        List<CompletableFuture<Integer>> reads = new ArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try (FetchScheduler fetch = FetchScheduler.open("t", 1)) {
            CompletableFuture<String> blocker = fetch.read(() -> {
                await(release);
                return "blocker";
            });
            for (int i = 0; i < 50_000; i++) {
                int item = i;
                reads.add(fetch.leafAsync(blocking -> CompletableFuture.completedFuture(item)));
            }
            release.countDown();
            FetchScheduler.join(blocker);
            long sum = 0;
            for (CompletableFuture<Integer> read : reads) {
                sum += FetchScheduler.join(read);
            }
            assertThat(sum).isEqualTo(49_999L * 50_000 / 2);
        }
    }

    private static String record(List<String> order, String name) {
        order.add(name);
        return name;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
