package dev.switchboard.diff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Building blocks for {@link Normalizer}s, free of any particular system. */
public final class Normalizers {

    private Normalizers() {
    }

    /**
     * Scalars in one form, at any depth: null is absent (also as a map entry), every number becomes its
     * plain decimal text ({@code 30}, {@code 30.0} and {@code "30"} compare equal), so that a number
     * and its text compare equal. Text is compared exactly: {@code "0142"} is not {@code 142}.
     */
    public static Normalizer scalars() {
        return (field, value) -> value.map(Normalizers::canonical);
    }

    /**
     * The listed fields are sets: the API does not keep their order (nor duplicates), so lists are
     * compared sorted and without repeats. Apply after {@link #scalars()}.
     */
    public static Normalizer unorderedLists(String... fields) {
        Set<String> sets = Set.of(fields);
        return (field, value) -> {
            if (!sets.contains(field) || !(value.orElse(null) instanceof List<?> list)) {
                return value;
            }
            List<Object> sorted = new ArrayList<>(new LinkedHashSet<>(list));
            sorted.sort(Comparator.comparing(String::valueOf));
            return Optional.of(List.copyOf(sorted));
        };
    }

    private static Object canonical(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return value.toString(); // what the decimal below gives for a whole number, without making one
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                if (item != null) {
                    items.add(canonical(item));
                }
            }
            return List.copyOf(items);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> entries = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    entries.put(String.valueOf(k), canonical(v));
                }
            });
            return entries;
        }
        return value; // Strings, Booleans and Secrets compare as they are
    }
}
