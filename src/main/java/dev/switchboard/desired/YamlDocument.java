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
        StringBuilder path = new StringBuilder();
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String name = token.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(name);
            }
        }
        return path.toString();
    }

    /** Appends a child to a JSON pointer, escaping as RFC 6901 says. */
    public static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
