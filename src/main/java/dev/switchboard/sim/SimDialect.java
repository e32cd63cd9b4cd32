package dev.switchboard.sim;

import java.util.Map;

/**
 * One named reading of an ambiguous API document that a simulator can play: an empty list answered 404,
 * a login answered 303, ... A dialect is a preset of the simulator's own knobs ({@code options}, the
 * same {@code NAME -> VALUE} pairs that {@code switchboard sim --sim-option KIND.NAME=VALUE} sets), so
 * that a system has one mechanism for both. The default of every simulator is the most lenient reading;
 * a dialect makes it stricter or different in one respect.
 *
 * @param name    the dialect's name within its system, such as {@code empty-list-404}
 * @param reading what the server does in this dialect, in one sentence
 * @param source  the sentence (or sample line) of the document, or the research note, it comes from
 * @param options the simulator knobs it sets
 */
public record SimDialect(String name, String reading, String source, Map<String, String> options) {

    public SimDialect {
        options = Map.copyOf(options);
        if (name.isBlank() || options.isEmpty()) {
            throw new IllegalArgumentException("a dialect has a name and sets at least one knob");
        }
    }

    /** A dialect that turns on the knob of its own name ({@code NAME=true}). */
    public static SimDialect flag(String name, String reading, String source) {
        return new SimDialect(name, reading, source, Map.of(name, "true"));
    }

    /** A dialect that sets one knob to a value. */
    public static SimDialect option(String name, String knob, String value, String reading, String source) {
        return new SimDialect(name, reading, source, Map.of(knob, value));
    }

    /** Whether this and {@code other} can be played together: they set no knob to different values. */
    public boolean compatibleWith(SimDialect other) {
        return options.entrySet().stream().noneMatch(option -> other.options.containsKey(option.getKey())
                && !other.options.get(option.getKey()).equals(option.getValue()));
    }
}
