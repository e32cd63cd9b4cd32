package dev.switchboard.provider;

/** Told of each object read while fetching live state, so that a long fetch shows progress. */
@FunctionalInterface
public interface FetchProgress {

    FetchProgress NONE = count -> { };

    /** @param count the objects read since the last call (not a running total): the caller adds them up */
    void fetched(int count);
}
