package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a command that runs out of heap prints and exits with: one line with a hint, never the JVM's stack trace. */
class CommandLineApplicationTest {

    @CommandLine.Command(name = "big")
    static final class OutOfHeap implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void aCommandOutOfMemoryExitsOneSayingHowToGiveItMore() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new OutOfHeap()).setErr(new PrintWriter(err));
        int exit = new CommandLineApplication(commandLine).run();
        assertThat(exit).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).startsWith("Error: out of memory: this command needed more than the JVM's heap of ")
                .contains("JAVA_OPTS=-Xmx1g").doesNotContain("\tat ").hasLineCount(1);
        assertThat(CommandLineApplication.outOfMemory(320L << 20)).contains("heap of 320 MB");
    }
}
