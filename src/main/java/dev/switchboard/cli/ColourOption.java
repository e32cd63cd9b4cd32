package dev.switchboard.cli;

import picocli.CommandLine.Option;

/** {@code --no-color}, for every command that prints a plan or a progress bar; NO_COLOR and TERM=dumb do as much. */
public class ColourOption {

    @Option(names = "--no-color", description = "No colour in the output or the progress bar (as NO_COLOR=1 or TERM=dumb).")
    boolean noColor;

    boolean enabled() {
        return Terminal.colour(noColor);
    }
}
