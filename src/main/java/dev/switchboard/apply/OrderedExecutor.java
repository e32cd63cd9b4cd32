package dev.switchboard.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
 *
 * <p>Scheduling is Kahn's algorithm: each task keeps a count of its unfinished prerequisites and a list of
 * its dependants; a finished task decrements its dependants' counts and moves those reaching zero to a
 * ready queue ordered by position. Every task and every edge is visited a bounded number of times, so a
 * run costs O((tasks + edges) log tasks) besides the tasks themselves, however many there are. Tasks are
 * hashed once each (they may be records with deep hash codes), then handled by index.
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
        int n = tasks.size();
        int slots = Math.max(1, parallelism);
        Map<T, Integer> index = new HashMap<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
            index.putIfAbsent(tasks.get(i), i);
        }
        int[] unfinished = new int[n];
        int[][] dependants = dependants(tasks, index, waitsFor, unfinished);
        TaskOutcome[] outcomes = new TaskOutcome[n];
        boolean[] started = new boolean[n];
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (unfinished[i] == 0 && index.get(tasks.get(i)) == i) {
                ready.add(i);
            }
        }
        int decided = n - index.size(); // duplicates in the list share their first copy's outcome
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(slots, Math.max(1, n)), runnable -> {
            Thread thread = new Thread(runnable, "switchboard-apply");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<Integer> completions = new ExecutorCompletionService<>(pool);
            TaskOutcome[] results = new TaskOutcome[n];
            int running = 0;
            while (decided < n) {
                while (running < slots && !ready.isEmpty()) {
                    int task = ready.poll();
                    started[task] = true;
                    completions.submit(() -> {
                        results[task] = runSafely(run, tasks.get(task));
                        return task;
                    });
                    running++;
                }
                if (running == 0) {
                    List<T> stuck = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if (outcomes[i] == null && index.get(tasks.get(i)) == i) {
                            stuck.add(tasks.get(i));
                        }
                    }
                    throw new IllegalStateException("the tasks wait for each other in a cycle: " + stuck);
                }
                Future<Integer> finished = completions.take();
                running--;
                int task = finished.get();
                TaskOutcome outcome = results[task];
                outcomes[task] = outcome;
                decided++;
                if (outcome.succeeded()) {
                    for (int dependant : dependants[task]) {
                        if (--unfinished[dependant] == 0 && outcomes[dependant] == null) {
                            ready.add(dependant);
                        }
                    }
                } else {
                    decided += skipDependants(task, dependants, outcomes, started, tasks, name);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (int i = 0; i < n; i++) {
                if (outcomes[i] == null && !started[i]) {
                    outcomes[i] = TaskOutcome.skipped("interrupted before it started");
                }
            }
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible.getCause());
        } finally {
            pool.shutdown();
        }
        Map<T, TaskOutcome> ordered = new LinkedHashMap<>(Math.max(16, n * 2));
        for (T task : tasks) {
            ordered.putIfAbsent(task, outcomes[index.get(task)]);
        }
        return ordered;
    }

    /** Each task's dependants (by index), filling {@code unfinished} with each task's prerequisite count. */
    private static <T> int[][] dependants(List<T> tasks, Map<T, Integer> index, Function<T, Set<T>> waitsFor,
                                          int[] unfinished) {
        int n = tasks.size();
        int[] outDegree = new int[n];
        int[][] prerequisites = new int[n][];
        for (int i = 0; i < n; i++) {
            if (index.get(tasks.get(i)) != i) {
                prerequisites[i] = new int[0];
                continue;
            }
            Set<T> waits = waitsFor.apply(tasks.get(i));
            int[] found = new int[waits.size()];
            int count = 0;
            for (T wait : waits) {
                Integer at = index.get(wait);
                if (at != null && at != i) {
                    found[count++] = at;
                    outDegree[at]++;
                }
            }
            prerequisites[i] = count == found.length ? found : java.util.Arrays.copyOf(found, count);
            unfinished[i] = count;
        }
        int[][] dependants = new int[n][];
        for (int i = 0; i < n; i++) {
            dependants[i] = new int[outDegree[i]];
            outDegree[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int prerequisite : prerequisites[i]) {
                dependants[prerequisite][outDegree[prerequisite]++] = i;
            }
        }
        return dependants;
    }

    /**
     * Skips every task that waits, directly or not, for {@code failed}, each naming the prerequisite it was
     * reached through; returns how many were newly skipped.
     */
    private static <T> int skipDependants(int failed, int[][] dependants, TaskOutcome[] outcomes, boolean[] started,
                                          List<T> tasks, Function<T, String> name) {
        int skipped = 0;
        ArrayList<Integer> todo = new ArrayList<>();
        todo.add(failed);
        while (!todo.isEmpty()) {
            int current = todo.remove(todo.size() - 1);
            TaskOutcome because = outcomes[current];
            for (int dependant : dependants[current]) {
                if (outcomes[dependant] != null || started[dependant]) {
                    continue;
                }
                outcomes[dependant] = TaskOutcome.skipped("it depends on " + name.apply(tasks.get(current)) + ", which "
                        + (because.status() == TaskOutcome.Status.FAILED ? "failed" : "was skipped"));
                skipped++;
                todo.add(dependant);
            }
        }
        return skipped;
    }

    private static <T> TaskOutcome runSafely(Function<T, TaskOutcome> run, T task) {
        try {
            return run.apply(task);
        } catch (RuntimeException e) {
            return TaskOutcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
