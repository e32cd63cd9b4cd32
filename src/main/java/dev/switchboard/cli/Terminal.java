package dev.switchboard.cli;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.Map;

/** What the process is attached to: whether to colour, show progress bars and ask questions. */
final class Terminal {

    private Terminal() {
    }

    /** Both stdin and stdout are a terminal. */
    static boolean interactive() {
        return System.console() != null;
    }

    /**
     * Someone can answer a question: stdin is a terminal, whatever stdout is ({@code apply | tee log} still
     * asks, as Terraform does). Java 17 can only tell both at once, so a shell's {@code test -t 0} on this
     * process's stdin decides when stdout is not a terminal.
     */
    static boolean canAsk() {
        if (interactive()) {
            return true;
        }
        try {
            Process test = new ProcessBuilder("sh", "-c", "test -t 0").redirectInput(Redirect.INHERIT)
                    .redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD).start();
            return test.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Colour only on a terminal, and never with {@code --no-color}, when {@code NO_COLOR} is set to anything
     * (no-color.org) or on a {@code TERM=dumb} terminal.
     */
    static boolean colour(boolean noColorFlag) {
        return !noColorFlag && interactive() && colourAllowed(System.getenv());
    }

    static boolean colourAllowed(Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && !dumb(environment);
    }

    /** A terminal that understands no escape sequence at all: {@code TERM=dumb}. */
    static boolean dumb(Map<String, String> environment) {
        return "dumb".equals(environment.get("TERM"));
    }
}
