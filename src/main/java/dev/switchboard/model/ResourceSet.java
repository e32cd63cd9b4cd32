package dev.switchboard.model;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All objects of one target, desired or live, indexed by natural key and iterated in key order.
 * Keys are unique: the loader reports duplicates as errors before a set is built.
 *
 * <p>The map is two arrays sorted by key, built with one sort (none when the entries come in order, as from
 * another set) instead of a tree's 30,000 insertions and rebalancings; a lookup is a binary search by
 * {@link ResourceKey#compareTo}, as a {@code TreeMap}'s was.
 */
public record ResourceSet(String target, Map<ResourceKey, Resource> byKey) {

    public ResourceSet {
        byKey = byKey instanceof SortedByKey sorted ? sorted : SortedByKey.of(byKey);
    }

    /**
     * The set of {@code resources}, which come in any order: as declared (a file's order keeps each kind in
     * long runs of ascending keys, which the sort takes as they are) or as read.
     *
     * @throws IllegalArgumentException when two of them have equal keys
     */
    public static ResourceSet of(String target, Collection<Resource> resources) {
        Keyed[] entries = new Keyed[resources.size()];
        int n = 0;
        for (Resource resource : resources) {
            entries[n++] = new Keyed(resource.key(), resource);
        }
        return new ResourceSet(target, SortedByKey.of(entries, true));
    }

    /** An entry ordered by its key's path alone: for sorting the entries of one kind. */
    private static final class Keyed implements Comparable<Keyed> {
        final ResourceKey key;
        final Resource value;
        final String path;

        Keyed(ResourceKey key, Resource value) {
            this.key = key;
            this.value = value;
            this.path = key.path();
        }

        @Override
        public int compareTo(Keyed other) {
            return path.compareTo(other.path);
        }
    }

    /** An unmodifiable map of keys sorted in their natural order, in two arrays. */
    private static final class SortedByKey extends AbstractMap<ResourceKey, Resource> {
        private final ResourceKey[] keys;
        private final Resource[] values;

        private SortedByKey(ResourceKey[] keys, Resource[] values) {
            this.keys = keys;
            this.values = values;
        }

        /**
         * The entries of {@code map} by key; of two keys that compare equal (one path written as one part and
         * as two), the first one with the last value, as a {@code TreeMap} built from the map would keep them.
         */
        static SortedByKey of(Map<ResourceKey, Resource> map) {
            Keyed[] entries = new Keyed[map.size()];
            int n = 0;
            for (Map.Entry<ResourceKey, Resource> entry : map.entrySet()) {
                entries[n++] = new Keyed(entry.getKey(), entry.getValue());
            }
            return of(entries, false);
        }

        /** @param unique whether two equal keys are refused (a collection) rather than impossible (a map's keys) */
        static SortedByKey of(Keyed[] entries, boolean unique) {
            int n = entries.length;
            boolean sorted = true;
            for (int i = 1; i < n && sorted; i++) {
                sorted = entries[i - 1].key.compareTo(entries[i].key) < 0;
            }
            if (!sorted) {
                sortByKey(entries);
            }
            ResourceKey[] keys = new ResourceKey[n];
            Resource[] values = new Resource[n];
            int size = 0;
            int group = 0; // where the run of keys that compare equal to the last one kept starts
            for (int i = 0; i < n; i++) {
                Keyed entry = entries[i];
                if (size > 0 && keys[size - 1].compareTo(entry.key) == 0) {
                    if (unique) {
                        for (int j = group; j < i; j++) {
                            if (entries[j].key.equals(entry.key)) {
                                throw new IllegalArgumentException("duplicate natural key " + entry.key);
                            }
                        }
                    }
                    values[size - 1] = entry.value;
                    continue;
                }
                group = i;
                keys[size] = entry.key;
                values[size++] = entry.value;
            }
            return new SortedByKey(size == n ? keys : Arrays.copyOf(keys, size), size == n ? values : Arrays.copyOf(values, size));
        }

        /**
         * Sorts as {@link ResourceKey#compareTo} orders, stably: by kind first (a few kinds), then each kind's
         * entries by path. Declarations come in the files' order, kinds interleaved (a mailbox, its addresses,
         * the next mailbox); one kind alone is in long ascending runs that the merge sort takes as they are.
         */
        private static void sortByKey(Keyed[] entries) {
            Map<ResourceKind, List<Keyed>> byKind = new HashMap<>();
            for (Keyed entry : entries) {
                byKind.computeIfAbsent(entry.key.kind(), k -> new ArrayList<>()).add(entry);
            }
            List<ResourceKind> kinds = new ArrayList<>(byKind.keySet());
            kinds.sort(Comparator.comparing(ResourceKind::targetKind).thenComparing(ResourceKind::name));
            int at = 0;
            for (ResourceKind kind : kinds) {
                Keyed[] ofKind = byKind.get(kind).toArray(new Keyed[0]);
                Arrays.sort(ofKind);
                System.arraycopy(ofKind, 0, entries, at, ofKind.length);
                at += ofKind.length;
            }
        }

        private int indexOf(Object key) {
            return key instanceof ResourceKey resourceKey ? Arrays.binarySearch(keys, resourceKey) : -1;
        }

        @Override
        public Resource get(Object key) {
            int index = indexOf(key);
            return index >= 0 ? values[index] : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public Set<Map.Entry<ResourceKey, Resource>> entrySet() {
            return ArrayEntries.of(keys, values);
        }

        @Override
        public Collection<Resource> values() {
            return Collections.unmodifiableList(Arrays.asList(values));
        }

        /** Where {@code probe} is or would be: the keys are sorted and no two compare equal. */
        private int from(ResourceKey probe) {
            int index = Arrays.binarySearch(keys, probe);
            return index >= 0 ? index : -index - 1;
        }

        /** One kind's keys are one run, each kind's in order of path. */
        List<Resource> ofKind(ResourceKind kind) {
            int from = from(ResourceKey.of(kind, ""));
            int to = from;
            while (to < keys.length && keys[to].kind().equals(kind)) {
                to++;
            }
            return Collections.unmodifiableList(Arrays.asList(values).subList(from, to));
        }

        /**
         * The key {@code parts} itself, then the keys whose paths start with its path and a {@code /}: in the order
         * of paths, those are one run. Of these, the ones whose parts do start with {@code parts} (a part may hold
         * a {@code /}).
         */
        List<Resource> ofKind(ResourceKind kind, List<String> parts) {
            if (parts.isEmpty()) {
                return ofKind(kind);
            }
            List<Resource> found = new ArrayList<>();
            ResourceKey exact = new ResourceKey(kind, parts);
            int at = from(exact);
            if (at < keys.length && keys[at].equals(exact)) {
                found.add(values[at]);
            }
            String below = exact.path() + "/";
            for (int i = from(ResourceKey.of(kind, below)); i < keys.length && keys[i].kind().equals(kind)
                    && keys[i].path().startsWith(below); i++) {
                List<String> its = keys[i].parts();
                if (its.size() > parts.size() && its.subList(0, parts.size()).equals(parts)) {
                    found.add(values[i]);
                }
            }
            return Collections.unmodifiableList(found);
        }
    }

    public static ResourceSet empty(String target) {
        return new ResourceSet(target, Map.of());
    }

    public Optional<Resource> get(ResourceKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public Collection<Resource> all() {
        return byKey.values();
    }

    /** The objects of one kind, in key order: found by a binary search, not by going through every object. */
    public List<Resource> ofKind(ResourceKind kind) {
        return ((SortedByKey) byKey).ofKind(kind);
    }

    /**
     * The objects of one kind whose keys start with {@code parts}, in key order (an Officelinx company's
     * mailboxes: {@code ofKind(MAILBOX, List.of("Acme"))}; a mailbox's addresses), the one whose key is
     * {@code parts} included. Found by binary search, so that an export nesting 10,000 mailboxes under their
     * companies and 20,000 addresses under their mailboxes does not go through every object for each.
     */
    public List<Resource> ofKind(ResourceKind kind, List<String> parts) {
        return ((SortedByKey) byKey).ofKind(kind, parts);
    }

    public int size() {
        return byKey.size();
    }
}
