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

    @Test
    void startsReadyTasksInTheOrderGivenWithParallelismOne() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        // d waits for a; with one slot, b and c (ready from the start) come before d, in list order
        Map<String, Set<String>> waits = Map.of("a", Set.of(), "d", Set.of("a"), "c", Set.of(), "b", Set.of());
        OrderedExecutor.run(List.of("a", "d", "c", "b"), waits::get, 1, task -> {
            order.add(task);
            return TaskOutcome.done();
        });
        assertThat(order).containsExactly("a", "d", "c", "b");
    }

    @Test
    void skipsEveryTransitiveDependantOfAFailureInADiamondOnce() {
        Map<String, Set<String>> waits = Map.of("root", Set.of(), "left", Set.of("root"), "right", Set.of("root"),
                "bottom", Set.of("left", "right"), "other", Set.of());
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        Map<String, TaskOutcome> outcomes = OrderedExecutor.run(List.of("root", "left", "right", "bottom", "other"),
                waits::get, 3, task -> {
                    ran.add(task);
                    return task.equals("root") ? TaskOutcome.failed("HTTP 500") : TaskOutcome.done();
                });
        assertThat(ran).containsExactlyInAnyOrder("root", "other");
        assertThat(outcomes.keySet()).containsExactly("root", "left", "right", "bottom", "other");
        assertThat(outcomes.get("left").message()).contains("it depends on root, which failed");
        assertThat(outcomes.get("right").message()).contains("it depends on root, which failed");
        assertThat(outcomes.get("bottom").status()).isEqualTo(TaskOutcome.Status.SKIPPED);
        assertThat(outcomes.get("bottom").message().orElseThrow()).containsPattern("depends on (left|right), which was skipped");
        assertThat(outcomes.get("other")).isEqualTo(TaskOutcome.done());
    }

    @Test
    void neverRunsMoreTasksAtOnceThanTheParallelism() {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        List<Integer> tasks = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            tasks.add(i);
        }
        // a wide fan: every task after the first 20 waits for one of the first 20
        Map<Integer, TaskOutcome> outcomes = OrderedExecutor.run(tasks, t -> t < 20 ? Set.of() : Set.of(t % 20), 3,
                task -> {
                    maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    Thread.onSpinWait();
                    Thread.yield();
                    concurrent.decrementAndGet();
                    return TaskOutcome.done();
                });
        assertThat(outcomes).hasSize(400);
        assertThat(outcomes.values()).allMatch(TaskOutcome::succeeded);
        assertThat(maxConcurrent.get()).isBetween(1, 3);
    }

    @Test
    void asksEachTaskForItsPrerequisitesOnceHoweverManyTasksThereAre() {
        // 50,000 tasks in five levels, as a large create apply: the old executor rescanned every pending
        // task after each completion; this one looks at each task's prerequisites once
        int count = 50_000;
        List<Integer> tasks = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            tasks.add(i);
        }
        AtomicInteger asked = new AtomicInteger();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, TaskOutcome> outcomes = OrderedExecutor.run(tasks, t -> {
            asked.incrementAndGet();
            return t < 10 ? Set.of() : Set.of(t / 10);
        }, 8, task -> {
            order.add(task);
            return TaskOutcome.done();
        });
        assertThat(asked.get()).isEqualTo(count);
        assertThat(outcomes.values()).hasSize(count).allMatch(TaskOutcome::succeeded);
        int[] position = new int[count];
        for (int i = 0; i < order.size(); i++) {
            position[order.get(i)] = i;
        }
        for (int t = 10; t < count; t++) {
            assertThat(position[t]).as("task %d after its prerequisite", t).isGreaterThan(position[t / 10]);
        }
    }

    @Test
    void refusesACycleBehindAnIndependentTaskNamingOnlyTheTasksInIt() {
        Map<String, Set<String>> waits = Map.of("free", Set.of(), "a", Set.of("b"), "b", Set.of("a"));
        assertThatThrownBy(() -> OrderedExecutor.run(List.of("free", "a", "b"), waits::get, 2, t -> TaskOutcome.done()))
                .hasMessageContaining("cycle: [a, b]");
    }
}
