package dev.switchboard.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A secret value together with where it came from ({@code ${env:NAME}}, {@code ${file:PATH}}) when it
 * came from a desired-state file.
 *
 * <p>Every way of printing it ({@link #toString()}, Jackson serialisation, string concatenation in a
 * log line) yields {@value #MASK}. Only a provider sending it to a server calls {@link #reveal()}.
 * Equality compares values in constant time, so a secret can be diffed without being shown.
 */
public final class Secret {

    public static final String MASK = "(sensitive)";

    private final String value;
    private final Optional<String> reference;

    private Secret(String value, Optional<String> reference) {
        this.value = value;
        this.reference = reference;
    }

    /** A secret read from the reference {@code ${env:NAME}} or {@code ${file:PATH}}. */
    public static Secret fromReference(String reference, String value) {
        return new Secret(value, Optional.of(reference));
    }

    /**
     * A reference that was not read because no server of this run needs it: a command limited to some
     * targets ({@code export -t X}, {@code plan -t X}) does not ask for the other targets' secrets. Its
     * {@link #reveal()} fails, so that it can never reach a server.
     */
    public static Secret unresolved(String reference) {
        return new Secret(null, Optional.of(reference));
    }

    /** Whether this secret's value was read ({@link #unresolved} ones are not). */
    public boolean resolved() {
        return value != null;
    }

    /** A secret value read from a live server, such as a CTI password returned by an API. */
    public static Secret fromLive(String value) {
        return new Secret(value, Optional.empty());
    }

    /** The plain value: for the request body a provider sends, never for output. */
    public String reveal() {
        if (value == null) {
            throw new IllegalStateException("the secret " + reference.orElse("") + " was not read: its target is not part"
                    + " of this run");
        }
        return value;
    }

    /** The reference it was read from: safe to print and to store in a saved plan. */
    public Optional<String> reference() {
        return reference;
    }

    @JsonValue
    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Secret s) || value == null || s.value == null) {
            return other == this;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // a hash derived from the value would leak information about it
    }
}
