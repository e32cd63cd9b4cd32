package dev.switchboard.apply;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs tasks that wait for one another, at most {@code parallelism} at a time: a task starts once every
 * task it waits for is done; when one fails, every task that waits for it (directly or not) is skipped
 * and reported, and independent tasks go on.
 *
 * <p>Tasks are started in the order given among those that are ready, so a run with parallelism 1 is
 * deterministic. A task that throws counts as failed with the exception's message.
 */
public final class OrderedExecutor {

    private OrderedExecutor() {
    }

    /**
     * @param tasks       every task, in the order to prefer among ready ones
     * @param waitsFor    the tasks each task must wait for; those not in {@code tasks} are ignored
     * @param parallelism at most this many tasks at once (at least 1)
     * @param run         carries one task out
     * @return every task's outcome, in the order given
     */
    public static <T> Map<T, TaskOutcome> run(List<T> tasks, Function<T, Set<T>> waitsFor, int parallelism,
                                              Function<T, TaskOutcome> run) {
        return run(tasks, waitsFor, parallelism, run, String::valueOf);
    }

    /** As {@link #run(List, Function, int, Function)}, naming tasks in skip messages with {@code name}. */
    public static <T> Map<T, TaskOutcome> run(List<T> tasks, Function<T, Set<T>> waitsFor, int parallelism,
                                              Function<T, TaskOutcome> run, Function<T, String> name) {
        Set<T> known = new HashSet<>(tasks);
        Map<T, Set<T>> pending = new LinkedHashMap<>();
        for (T task : tasks) {
            Set<T> waits = new HashSet<>(waitsFor.apply(task));
            waits.retainAll(known);
            waits.remove(task);
            pending.put(task, waits);
        }
        Map<T, TaskOutcome> outcomes = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism), runnable -> {
            Thread thread = new Thread(runnable, "switchboard-apply");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<Map.Entry<T, TaskOutcome>> completions = new ExecutorCompletionService<>(pool);
            int running = 0;
            while (!pending.isEmpty() || running > 0) {
                skipDependantsOfFailures(pending, outcomes, name);
                for (T task : ready(pending, outcomes, Math.max(1, parallelism) - running)) {
                    pending.remove(task);
                    completions.submit(() -> Map.entry(task, runSafely(run, task)));
                    running++;
                }
                if (running == 0) {
                    if (!pending.isEmpty()) {
                        throw new IllegalStateException("the tasks wait for each other in a cycle: " + pending.keySet());
                    }
                    break;
                }
                Future<Map.Entry<T, TaskOutcome>> finished = completions.take();
                running--;
                Map.Entry<T, TaskOutcome> result = finished.get();
                outcomes.put(result.getKey(), result.getValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (T task : pending.keySet()) {
                outcomes.putIfAbsent(task, TaskOutcome.skipped("interrupted before it started"));
            }
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible.getCause());
        } finally {
            pool.shutdown();
        }
        Map<T, TaskOutcome> ordered = new LinkedHashMap<>();
        for (T task : tasks) {
            ordered.put(task, outcomes.get(task));
        }
        return ordered;
    }

    private static <T> TaskOutcome runSafely(Function<T, TaskOutcome> run, T task) {
        try {
            return run.apply(task);
        } catch (RuntimeException e) {
            return TaskOutcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static <T> List<T> ready(Map<T, Set<T>> pending, Map<T, TaskOutcome> outcomes, int slots) {
        List<T> ready = new ArrayList<>();
        for (Map.Entry<T, Set<T>> entry : pending.entrySet()) {
            if (ready.size() >= slots) {
                break;
            }
            if (allDone(entry.getValue(), outcomes)) {
                ready.add(entry.getKey());
            }
        }
        return ready;
    }

    private static <T> boolean allDone(Collection<T> waits, Map<T, TaskOutcome> outcomes) {
        for (T wait : waits) {
            TaskOutcome outcome = outcomes.get(wait);
            if (outcome == null || !outcome.succeeded()) {
                return false;
            }
        }
        return true;
    }

    private static <T> void skipDependantsOfFailures(Map<T, Set<T>> pending, Map<T, TaskOutcome> outcomes,
                                                     Function<T, String> name) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<T, Set<T>> entry = it.next();
                for (T wait : entry.getValue()) {
                    TaskOutcome outcome = outcomes.get(wait);
                    if (outcome != null && !outcome.succeeded()) {
                        outcomes.put(entry.getKey(), TaskOutcome.skipped("it depends on " + name.apply(wait) + ", which "
                                + (outcome.status() == TaskOutcome.Status.FAILED ? "failed" : "was skipped")));
                        it.remove();
                        changed = true;
                        break;
                    }
                }
            }
        }
    }
}
