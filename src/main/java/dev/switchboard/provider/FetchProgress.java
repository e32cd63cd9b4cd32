package dev.switchboard.provider;

/** Told of each object read while fetching live state, so that a long fetch shows progress. */
@FunctionalInterface
public interface FetchProgress {

    FetchProgress NONE = count -> { };

    void fetched(int count);
}
