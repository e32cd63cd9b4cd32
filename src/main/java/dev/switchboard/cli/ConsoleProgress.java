package dev.switchboard.cli;

import dev.switchboard.engine.Progress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.jboss.logging.Logger;

/**
 * Progress on stderr: a progress bar on a terminal, a log line every few seconds elsewhere (CI logs
 * and the daemon's journal do not want carriage returns).
 */
final class ConsoleProgress implements Progress {

    private static final Logger LOG = Logger.getLogger("dev.switchboard.progress");
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final boolean terminal;
    private final long logEveryNanos;
    private final Consumer<String> log;
    private ProgressBar bar;
    private String task = "";
    private long total;
    private final AtomicLong done = new AtomicLong();
    private volatile long lastLog;

    /**
     * @param terminal draw a bar on stderr; otherwise write a line to {@code log} at most every {@code logEvery}
     */
    ConsoleProgress(boolean terminal, Duration logEvery, Consumer<String> log) {
        this.terminal = terminal;
        this.logEveryNanos = logEvery.toNanos();
        this.log = log;
    }

    static Progress forThisProcess() {
        return new ConsoleProgress(Terminal.interactive(), LOG_EVERY, LOG::info);
    }

    @Override
    public synchronized void start(String task, long total) {
        finish();
        this.task = task;
        this.total = total;
        this.done.set(0);
        this.lastLog = System.nanoTime();
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total > 0 ? total : -1)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" objects", 1)
                    .continuousUpdate().build();
        }
    }

    @Override
    public void step(long count) {
        long now = done.addAndGet(count);
        ProgressBar current = bar;
        if (current != null) {
            current.stepBy(count);
        } else if (System.nanoTime() - lastLog >= logEveryNanos) {
            lastLog = System.nanoTime();
            log.accept(task + ": " + now + (total > 0 ? " of " + total : "") + " objects");
        }
    }

    @Override
    public synchronized void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
