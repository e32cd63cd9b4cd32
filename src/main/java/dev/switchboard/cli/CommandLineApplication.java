package dev.switchboard.cli;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * Runs the command line that {@link CommandLineFactory} produces, as the picocli extension's own runner does
 * when the application has no main of its own ({@link Main} is one): its exit code is the process's, and
 * what the command printed is flushed whatever the outcome.
 */
@Dependent
class CommandLineApplication implements QuarkusApplication {

    private final CommandLine commandLine;

    @Inject
    CommandLineApplication(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    @Override
    public int run(String... args) {
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // not an Exception, so past picocli's handler: what ran out is unreachable by now, and a message fits
            commandLine.getErr().println(outOfMemory(Runtime.getRuntime().maxMemory()));
            return ExitCodes.ERROR;
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    /** What a command that ran out of heap says instead of the JVM's stack trace. */
    static String outOfMemory(long maxHeapBytes) {
        return "Error: out of memory: this command needed more than the JVM's heap of " + (maxHeapBytes >> 20) + " MB"
                + " (./switchboard gives a command 320 MB, enough for a plan of 40,000 objects); give it more with"
                + " JAVA_OPTS=-Xmx1g, which both launchers pass to java. An apply it stopped left its journal as an"
                + " interrupted apply does: the next apply examines it and converges.";
    }
}
