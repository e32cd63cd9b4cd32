package dev.switchboard.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrderedExecutorTest {

    @Test
    void runsATaskOnlyAfterEverythingItWaitsFor() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Map<String, Set<String>> waits = Map.of("company", Set.of(), "group", Set.of("company"),
                "mailbox", Set.of("company", "group"), "address", Set.of("mailbox"));
        OrderedExecutor.run(List.of("address", "mailbox", "group", "company"), waits::get, 4, task -> {
            order.add(task);
            return TaskOutcome.done();
        });
        assertThat(order).containsExactly("company", "group", "mailbox", "address");
    }

    @Test
    void skipsTheDependantsOfAFailureAndGoesOnWithIndependentTasks() {
        Map<String, Set<String>> waits = Map.of("a", Set.of(), "a-child", Set.of("a"), "a-grandchild", Set.of("a-child"),
                "b", Set.of());
        Map<String, TaskOutcome> outcomes = OrderedExecutor.run(List.of("a", "a-child", "a-grandchild", "b"), waits::get, 2,
                task -> task.equals("a") ? TaskOutcome.failed("HTTP 400: bad") : TaskOutcome.done());
        assertThat(outcomes.get("a")).isEqualTo(TaskOutcome.failed("HTTP 400: bad"));
        assertThat(outcomes.get("a-child").status()).isEqualTo(TaskOutcome.Status.SKIPPED);
        assertThat(outcomes.get("a-child").message()).contains("it depends on a, which failed");
        assertThat(outcomes.get("a-grandchild").message()).contains("it depends on a-child, which was skipped");
        assertThat(outcomes.get("b")).isEqualTo(TaskOutcome.done());
    }

    @Test
    void countsAThrowingTaskAsFailed() {
        Map<String, TaskOutcome> outcomes = OrderedExecutor.run(List.of("x"), t -> Set.of(), 1, t -> {
            throw new IllegalStateException("boom");
        });
        assertThat(outcomes.get("x")).isEqualTo(TaskOutcome.failed("boom"));
    }

    @Test
    void runsIndependentTasksConcurrentlyUpToTheParallelism() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        Map<String, TaskOutcome> outcomes = OrderedExecutor.run(List.of("a", "b", "c"), t -> Set.of(), 2, task -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            bothStarted.countDown();
            try {
                // a and b can only both pass if they run at the same time
                if (!task.equals("c") && !bothStarted.await(10, TimeUnit.SECONDS)) {
                    return TaskOutcome.failed("not concurrent");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            concurrent.decrementAndGet();
            return TaskOutcome.done();
        });
        assertThat(outcomes.values()).allMatch(TaskOutcome::succeeded);
        assertThat(maxConcurrent.get()).isEqualTo(2);
    }

    @Test
    void refusesACycleInsteadOfHanging() {
        Map<String, Set<String>> waits = Map.of("a", Set.of("b"), "b", Set.of("a"));
        assertThatThrownBy(() -> OrderedExecutor.run(List.of("a", "b"), waits::get, 2, t -> TaskOutcome.done()))
                .hasMessageContaining("cycle");
    }
}
