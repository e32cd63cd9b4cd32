package dev.switchboard.model;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of a {@link Resource}: an unmodifiable map in the order it was given, held as two arrays. An
 * unmodifiable view of a {@code LinkedHashMap} holds a wrapper, the map, its table and an entry of 40 bytes for
 * every field; a plan of 40,000 objects holds 80,000 of them, desired and live, and the young collections that
 * copy them while they are read were a tenth of that plan's wall time. A lookup compares the names in turn, as
 * fast as hashing for the handful of fields an object has.
 */
final class FieldMap extends AbstractMap<String, Object> {

    private static final FieldMap EMPTY = new FieldMap(new String[0], new Object[0]);

    private final String[] names;
    private final Object[] values;

    private FieldMap(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** {@code fields} as a FieldMap: itself when it is one, a copy in its iteration order otherwise. */
    static Map<String, Object> copyOf(Map<String, ?> fields) {
        if (fields instanceof FieldMap same) {
            return same;
        }
        if (fields.isEmpty()) {
            return EMPTY;
        }
        String[] names = new String[fields.size()];
        Object[] values = new Object[names.length];
        int i = 0;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            names[i] = field.getKey();
            values[i] = field.getValue();
            i++;
        }
        return new FieldMap(names, values);
    }

    private int indexOf(Object name) {
        if (name == null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i] == null) {
                    return i;
                }
            }
            return -1;
        }
        int hash = name.hashCode();
        for (int i = 0; i < names.length; i++) {
            String candidate = names[i];
            if (candidate == name || (candidate != null && candidate.hashCode() == hash && candidate.equals(name))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean isEmpty() {
        return names.length == 0;
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public Object get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public Object getOrDefault(Object name, Object otherwise) {
        int i = indexOf(name);
        return i < 0 ? otherwise : values[i];
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    /** As {@link AbstractMap#equals}, without an entry made for every field of a FieldMap compared. */
    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof FieldMap that)) {
            return super.equals(other);
        }
        if (that.names.length != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            int j = names[i] == that.names[i] ? i : that.indexOf(names[i]);
            if (j < 0 || !Objects.equals(values[i], that.values[j])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < names.length; i++) {
            hash += Objects.hashCode(names[i]) ^ Objects.hashCode(values[i]);
        }
        return hash;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return ArrayEntries.of(names, values);
    }
}
