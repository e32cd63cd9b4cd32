package dev.switchboard.systems.xivows.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last answer of each list, search and view a provider made, with its md5, so that the next identical
 * call sends {@code &sum=<md5>} and a XiVO where nothing changed answers 304 with no body. Shared by the
 * providers of one factory, so that successive plans of an unchanged XiVO (the daemon's) cost 304s. Keyed
 * by target and request: a 304 is only ever an answer to the exact body the cache holds, so a stale entry
 * costs one full answer, never a wrong one.
 */
public final class SumCache {

    /** Beyond this many answers the cache starts over: a bound, not a policy. */
    private static final int MAX_ENTRIES = 20_000;

    record Entry(String sum, JsonNode body) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    void put(String key, Entry entry) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, entry);
    }

    void forget(String key) {
        entries.remove(key);
    }

    public int size() {
        return entries.size();
    }
}
