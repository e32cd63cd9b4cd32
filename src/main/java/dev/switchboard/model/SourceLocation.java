package dev.switchboard.model;

import java.nio.file.Path;

/** Where something was written: a file and a 1-based line and column. */
public record SourceLocation(Path file, int line, int column) {

    public static SourceLocation startOf(Path file) {
        return new SourceLocation(file, 1, 1);
    }

    /** {@code officelinx/acme.yaml:12:7}, the form editors and terminals turn into links. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
