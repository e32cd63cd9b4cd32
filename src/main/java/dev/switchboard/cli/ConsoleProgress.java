package dev.switchboard.cli;

import dev.switchboard.engine.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jboss.logging.Logger;

/**
 * Progress on stderr: a progress bar on a terminal, a log line every few seconds elsewhere (CI logs
 * and the daemon's journal do not want carriage returns).
 */
final class ConsoleProgress implements Progress {

    private static final Logger LOG = Logger.getLogger("dev.switchboard.progress");
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final boolean terminal;
    /** A task that runs beside others: on a terminal its bar keeps a line of its own. */
    private final boolean concurrent;
    private final ProgressBarStyle style;
    private final PrintStream stream;
    private final long logEveryNanos;
    private final Consumer<String> log;
    private ProgressBar bar;
    private String task = "";
    private long total;
    private final AtomicLong done = new AtomicLong();
    private volatile long lastLog;

    /** Plain lines to {@code log}, at most one every {@code logEvery}: for a process not on a terminal. */
    ConsoleProgress(Duration logEvery, Consumer<String> log) {
        this(false, ProgressBarStyle.ASCII, System.err, logEvery, log);
    }

    /**
     * @param terminal draw a bar of {@code style} on {@code stream}; otherwise write a line to {@code log} at
     *                 most every {@code logEvery}
     */
    ConsoleProgress(boolean terminal, ProgressBarStyle style, PrintStream stream, Duration logEvery, Consumer<String> log) {
        this(terminal, false, style, stream, logEvery, log);
    }

    private ConsoleProgress(boolean terminal, boolean concurrent, ProgressBarStyle style, PrintStream stream,
                            Duration logEvery, Consumer<String> log) {
        this.terminal = terminal;
        this.concurrent = concurrent;
        this.style = style;
        this.stream = stream;
        this.logEveryNanos = logEvery.toNanos();
        this.log = log;
    }

    /** @param colour the command's choice ({@link ColourOption}): a bar without colour has no escape sequence */
    static Progress forThisProcess(boolean colour) {
        return new ConsoleProgress(Terminal.interactive(), style(colour, System.getenv()), System.err, LOG_EVERY, LOG::info);
    }

    /** Yellow blocks in colour; plain blocks without; ASCII on a dumb terminal. */
    static ProgressBarStyle style(boolean colour, java.util.Map<String, String> environment) {
        if (Terminal.dumb(environment)) {
            return ProgressBarStyle.ASCII;
        }
        return colour ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.UNICODE_BLOCK;
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
                    .setStyle(style).setConsumer(concurrent ? new LineOfItsOwn(stream) : new ConsoleProgressBarConsumer(stream))
                    .setUnit(" objects", 1)
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

    /**
     * On a terminal that moves its cursor, a bar on a line of its own, redrawn in place while the others are;
     * on a dumb one (which cannot redraw a line above the last) and off a terminal, log lines naming the task.
     */
    @Override
    public synchronized Progress forConcurrentTask() {
        finish();
        return new ConsoleProgress(terminal && style != ProgressBarStyle.ASCII, true, style, stream,
                Duration.ofNanos(logEveryNanos), log);
    }

    /**
     * progressbar's multi-line consumer, which gives each bar the line it first drew on and moves the cursor
     * up to it, with every bar's drawing under one lock (two bars drawing their first line at once would take
     * the same line), and its line taken when it is made, on the thread that starts the task: the lines come
     * in the order the tasks were started, not in the order the bars' timers first fire.
     */
    private static final class LineOfItsOwn extends InteractiveConsoleProgressBarConsumer {
        private static final Object DRAWING = new Object();

        LineOfItsOwn(PrintStream out) {
            super(out);
            accept("");
        }

        @Override
        public void accept(String line) {
            synchronized (DRAWING) {
                super.accept(line);
            }
        }

        @Override
        public void close() {
            synchronized (DRAWING) {
                super.close();
            }
        }
    }
}
