package dev.switchboard.model;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

/**
 * The prerequisites of a {@link Resource}: an unmodifiable set of keys in their natural order, held as one sorted
 * array. It iterates, compares and answers {@code contains} as the {@code TreeSet} it replaces did (by
 * {@link ResourceKey#compareTo}), without the tree's object and entry of 40 bytes for each of the one or two keys
 * an object depends on.
 */
final class KeySet extends AbstractSet<ResourceKey> {

    private static final KeySet EMPTY = new KeySet(new ResourceKey[0]);

    private final ResourceKey[] keys;

    private KeySet(ResourceKey[] keys) {
        this.keys = keys;
    }

    /** {@code keys} as a KeySet: itself when it is one, sorted without duplicates otherwise. */
    static Set<ResourceKey> copyOf(Set<ResourceKey> keys) {
        if (keys instanceof KeySet same) {
            return same;
        }
        if (keys.isEmpty()) {
            return EMPTY;
        }
        ResourceKey[] sorted = keys.toArray(new ResourceKey[0]);
        Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i].compareTo(sorted[distinct - 1]) != 0) {
                sorted[distinct++] = sorted[i];
            }
        }
        return new KeySet(distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct));
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public boolean contains(Object candidate) {
        return candidate instanceof ResourceKey key && Arrays.binarySearch(keys, key) >= 0;
    }

    @Override
    public Iterator<ResourceKey> iterator() {
        return Arrays.asList(keys).iterator();
    }
}
