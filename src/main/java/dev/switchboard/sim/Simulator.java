package dev.switchboard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * One simulated API, mounted by {@link SimServer} under its documented path prefix.
 *
 * <p>{@link #handle} is called for every request under a prefix, already past latency and faults,
 * and under the simulator's own lock: implementations need no further synchronisation for state they
 * touch only in {@code handle}, {@link #snapshot} and {@link #restore}. A simulator that guards its
 * state itself says so with {@link #concurrent()}, and is then called without that lock, from many
 * threads at once (so that reads can run side by side).
 */
public interface Simulator {

    /** A short name for logs and state files: {@code officelinx}, {@code xci}. */
    String name();

    /** The path prefixes this simulator answers, each starting with {@code /}. */
    java.util.List<String> pathPrefixes();

    /** Answers one request. Must answer it: an unanswered exchange is a 500 in {@link SimServer}. */
    void handle(SimExchange exchange) throws IOException;

    /**
     * Whether {@link #handle}, {@link #snapshot} and {@link #restore} are safe to call from many threads at
     * once, without {@link SimServer} holding the simulator's lock around them. No, unless it says so.
     */
    default boolean concurrent() {
        return false;
    }

    /** The whole state as JSON, for a state file. */
    JsonNode snapshot();

    /** Replaces the whole state by one {@link #snapshot} made before. */
    void restore(JsonNode state);
}
