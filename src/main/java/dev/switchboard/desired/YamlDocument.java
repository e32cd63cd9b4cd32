package dev.switchboard.desired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.SourceLocation;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed YAML file: its tree and where every node was written.
 *
 * <p>The locations are kept in the tree itself, not in a map from JSON pointer to location: every
 * mapping and list the reader builds is a {@link LocatedObject} or {@link LocatedArray}, holding the line
 * and column of each of its entries (for a mapping entry, where its key starts) in an array of longs, and
 * a location is resolved only when asked for. A map of a string pointer for every node was a third of
 * the CPU of loading 40,000 objects. Nodes copied for an alias are plain nodes: what is inside them is
 * located at the alias.
 *
 * @param file         the file, relative to the desired-state directory
 * @param root         the document's root node
 * @param rootLocation where the root node starts
 */
public record YamlDocument(Path file, JsonNode root, SourceLocation rootLocation) {

    /**
     * Where the node at JSON pointer {@code pointer} ({@code /companies/0/name}) was written (for a mapping
     * entry, its key), or its nearest ancestor's location when it has none of its own (it is not in the
     * document, or inside an alias).
     */
    public SourceLocation locationOf(String pointer) {
        JsonNode node = root;
        long found = NONE;
        int start = 1;
        int length = pointer.length();
        while (start <= length && !pointer.isEmpty()) {
            int end = pointer.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            String token = unescape(pointer.substring(start, end));
            long here;
            if (node instanceof LocatedObject object) {
                int index = object.indexOf(token);
                if (index < 0) {
                    break;
                }
                here = object.mark(index);
                node = object.get(token);
            } else if (node instanceof LocatedArray array) {
                int index = arrayIndex(token);
                if (index < 0 || index >= array.size()) {
                    break;
                }
                here = array.mark(index);
                node = array.get(index);
            } else {
                break;
            }
            found = here;
            start = end + 1;
        }
        return found == NONE ? rootLocation : at(found);
    }

    /** The location a {@link #mark} packs. */
    SourceLocation at(long mark) {
        return new SourceLocation(file, (int) (mark >>> 32), (int) mark);
    }

    private static final long NONE = -1L;

    /** A line and a column (1-based) as one long, as the located nodes keep them. */
    static long mark(int line, int column) {
        return ((long) line << 32) | (column & 0xFFFFFFFFL);
    }

    private static int arrayIndex(String token) {
        if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
            return -1;
        }
        int index = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    /** A mapping as the reader built it: the location of each entry's key, in the order of its fields. */
    static final class LocatedObject extends ObjectNode {
        private static final long serialVersionUID = 1L;
        private static final int SCAN = 8;

        private String[] names = new String[4];
        private long[] marks = new long[4];
        private int count;
        /** Built for a large mapping when it is first asked: a scan of its names is enough for most. */
        private transient Map<String, Integer> index;

        LocatedObject() {
            super(JsonNodeFactory.instance);
        }

        /** Adds the field {@code name}, whose key starts at {@code mark}. */
        void put(String name, JsonNode value, long mark) {
            set(name, value);
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                marks = Arrays.copyOf(marks, count * 2);
            }
            names[count] = name;
            marks[count++] = mark;
            index = null;
        }

        int indexOf(String name) {
            if (count <= SCAN) {
                for (int i = 0; i < count; i++) {
                    if (names[i].equals(name)) {
                        return i;
                    }
                }
                return -1;
            }
            if (index == null) {
                Map<String, Integer> built = new HashMap<>(count * 2);
                for (int i = 0; i < count; i++) {
                    built.putIfAbsent(names[i], i);
                }
                index = built;
            }
            return index.getOrDefault(name, -1);
        }

        long mark(int index) {
            return marks[index];
        }
    }

    /** A list as the reader built it: the location of each item. */
    static final class LocatedArray extends ArrayNode {
        private static final long serialVersionUID = 1L;

        private long[] marks = new long[4];

        LocatedArray() {
            super(JsonNodeFactory.instance);
        }

        void add(JsonNode value, long mark) {
            int at = size();
            add(value);
            if (at == marks.length) {
                marks = Arrays.copyOf(marks, at * 2);
            }
            marks[at] = mark;
        }

        long mark(int index) {
            return marks[index];
        }
    }

    /** {@code /companies/0/mailboxes/1/featureGroup} as users read it: {@code companies[0].mailboxes[1].featureGroup}. */
    public static String fieldPath(String pointer) {
        StringBuilder path = new StringBuilder(pointer.length() + 8);
        int start = 0;
        while (start <= pointer.length()) {
            int end = pointer.indexOf('/', start);
            if (end < 0) {
                end = pointer.length();
            }
            if (end > start) {
                appendToken(path, unescape(pointer.substring(start, end)));
            }
            start = end + 1;
        }
        return path.toString();
    }

    /** {@code fieldPath} of a child of the node whose field path is {@code parentPath}, named {@code name}. */
    static String appendToFieldPath(String parentPath, String name) {
        StringBuilder path = new StringBuilder(parentPath.length() + name.length() + 2).append(parentPath);
        if (!name.isEmpty()) {
            appendToken(path, name);
        }
        return path.toString();
    }

    private static void appendToken(StringBuilder path, String name) {
        if (allDigits(name)) {
            path.append('[').append(name).append(']');
        } else {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(name);
        }
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String unescape(String token) {
        return token.indexOf('~') < 0 ? token : token.replace("~1", "/").replace("~0", "~");
    }

    /** Appends a child to a JSON pointer, escaping as RFC 6901 says. */
    public static String child(String pointer, String name) {
        if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
            return pointer + "/" + name;
        }
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
