package dev.switchboard.desired;

import dev.switchboard.model.SourceLocation;
import java.util.Comparator;
import java.util.Optional;

/**
 * One thing wrong with the desired state, said so a person can act on it: an error, which makes the
 * desired state invalid, or a warning, which does not (something a server accepts but that is likely a
 * mistake, such as an XCI user's number outside its entity's intervals).
 *
 * @param location  file, line and column, relative to the desired-state directory
 * @param fieldPath where in the document, as users write it: {@code companies[0].mailboxes[1].featureGroup};
 *                  empty for the whole file
 * @param message   what is wrong
 * @param hint      what to do about it; empty when the message says it all
 * @param severity  whether it makes the desired state invalid
 */
public record Problem(SourceLocation location, String fieldPath, String message, Optional<String> hint,
                      Severity severity) {

    /** An error stops every command before any server is contacted; a warning is shown and the command goes on. */
    public enum Severity { ERROR, WARNING }

    public static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.location.file().toString())
            .thenComparingInt(p -> p.location.line())
            .thenComparingInt(p -> p.location.column())
            .thenComparing(Problem::message);

    /** An error. */
    public Problem(SourceLocation location, String fieldPath, String message, Optional<String> hint) {
        this(location, fieldPath, message, hint, Severity.ERROR);
    }

    /** A warning: the desired state stays valid. */
    public static Problem warningAt(SourceLocation location, String fieldPath, String message, String hint) {
        return new Problem(location, fieldPath, message, Optional.of(hint), Severity.WARNING);
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
    }

    public static Problem at(SourceLocation location, String fieldPath, String message) {
        return new Problem(location, fieldPath, message, Optional.empty());
    }

    public static Problem at(SourceLocation location, String fieldPath, String message, String hint) {
        return new Problem(location, fieldPath, message, Optional.of(hint));
    }

    /**
     * {@code file:line:col: field.path: message} ({@code ...: field.path: warning: message} for a warning)
     * and, on a second line, {@code   hint: ...}.
     */
    public String render() {
        StringBuilder text = new StringBuilder().append(location).append(": ");
        if (!fieldPath.isEmpty()) {
            text.append(fieldPath).append(": ");
        }
        text.append(isWarning() ? "warning: " : "").append(message);
        hint.ifPresent(h -> text.append(System.lineSeparator()).append("  hint: ").append(h));
        return text.toString();
    }
}
