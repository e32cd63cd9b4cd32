package dev.switchboard.cli;

import dev.switchboard.engine.Progress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final boolean terminal;
    private ProgressBar bar;
    private String task = "";
    private long total;
    private final AtomicLong done = new AtomicLong();
    private volatile long lastLog;

    ConsoleProgress(boolean terminal) {
        this.terminal = terminal;
    }

    static Progress forThisProcess() {
        return new ConsoleProgress(Terminal.interactive());
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
        } else if (System.nanoTime() - lastLog > LOG_EVERY_NANOS) {
            lastLog = System.nanoTime();
            LOG.infof("%s: %d%s objects", task, now, total > 0 ? " of " + total : "");
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
