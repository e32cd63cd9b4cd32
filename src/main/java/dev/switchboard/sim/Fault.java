package dev.switchboard.sim;

/** The failures a simulator can be told to produce, for tests, benchmarks and users' own CI. */
public enum Fault {
    /** Answer 500 without processing the request. */
    ERROR_500,
    /** Answer 429 with {@code Retry-After: 1} without processing the request. */
    TOO_MANY_REQUESTS,
    /** Drop the connection before processing the request: nothing happened. */
    RESET_BEFORE,
    /** Process the request, then drop the connection unanswered: the client cannot know it happened. */
    RESET_AFTER,
    /** Process the request and answer it after a long delay (the slow-response delay). */
    SLOW;

    /** {@code error-500}, {@code reset-after}, ...: the names {@link #spelling} gives. */
    public static Fault parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            // valueOf says "No enum constant dev.switchboard.sim.Fault.X": a Java name, not the user's word.
            throw new IllegalArgumentException("'" + name.trim() + "' is not a fault (faults: "
                    + String.join(", ", java.util.Arrays.stream(values()).map(Fault::spelling).toList()) + ")", e);
        }
    }

    /** The name users write: {@code reset-after}. */
    public String spelling() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
