package dev.switchboard.desired;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.model.SourceLocation;
import java.nio.file.Path;
import java.util.Map;

/**
 * A parsed YAML file: its tree and where every node was written.
 *
 * @param file      the file, relative to the desired-state directory
 * @param root      the document's root node
 * @param locations JSON pointer ({@code /companies/0/name}) to where the node, or for a mapping entry
 *                  its key, starts
 */
public record YamlDocument(Path file, JsonNode root, Map<String, SourceLocation> locations) {

    /** Where the node at {@code pointer} was written, or its nearest ancestor when it has no location of its own. */
    public SourceLocation locationOf(String pointer) {
        String current = pointer;
        while (true) {
            SourceLocation location = locations.get(current);
            if (location != null) {
                return location;
            }
            if (current.isEmpty()) {
                return SourceLocation.startOf(file);
            }
            current = current.substring(0, current.lastIndexOf('/'));
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
