package dev.switchboard.cli;

/** What the process is attached to: whether to colour, show progress bars and ask questions. */
final class Terminal {

    private Terminal() {
    }

    /** Both stdin and stdout are a terminal. */
    static boolean interactive() {
        return System.console() != null;
    }

    /** Colour only on a terminal, and never when {@code NO_COLOR} is set (no-color.org). */
    static boolean colour() {
        String noColor = System.getenv("NO_COLOR");
        return interactive() && (noColor == null || noColor.isEmpty());
    }
}
