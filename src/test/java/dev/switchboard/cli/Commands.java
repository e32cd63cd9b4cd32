package dev.switchboard.cli;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;
import picocli.CommandLine;

/**
 * Runs {@code switchboard} commands inside the running test application, as {@code main} would, with the same
 * error handling ({@link CommandLineFactory}), capturing what the command writes to its stdout and stderr.
 * A run costs milliseconds where a {@code @QuarkusMainTest} launch costs a second or more, so tests of
 * messages can try every case through the real command. Inject it into a {@code @QuarkusTest}.
 * Log lines written while it runs are collected apart ({@link Run#log}): the real process sends them to stderr.
 */
@ApplicationScoped
public class Commands {

    /** What a command ended with and wrote; {@code log} holds the log lines written meanwhile, one a line. */
    public record Run(int exitCode, String out, String err, String log) {
        /** stdout then stderr, as a terminal would show both. */
        public String output() {
            return out + err;
        }
    }

    @Inject
    Instance<CommandLine> commandLines;

    public Run run(String... args) {
        CommandLine commandLine = commandLines.get();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        LogLines log = new LogLines();
        Logger root = Logger.getLogger("");
        root.addHandler(log);
        try {
            int exitCode = commandLine.execute(args);
            commandLine.getOut().flush();
            commandLine.getErr().flush();
            return new Run(exitCode, out.toString(), err.toString(), log.text());
        } finally {
            root.removeHandler(log);
            // -v and --log-level last as long as the process; here the next run starts at the default again.
            Logger.getLogger(SwitchboardCommand.LOGGERS).setLevel(null);
        }
    }

    /** The log records of a run, as {@code LEVEL message} lines. */
    /** The log records published while it is added to a logger, one line each: level and formatted message. */
    public static final class LogLines extends Handler {
        private final StringBuffer lines = new StringBuffer();

        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                    : new SimpleFormatter().formatMessage(record);
            lines.append(record.getLevel()).append(' ').append(message).append('\n');
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        public String text() {
            return lines.toString();
        }
    }
}
