package dev.switchboard.desired;

import dev.switchboard.model.ResourceKind;
import java.util.List;
import java.util.Objects;

/**
 * Everything the loader and {@code export} need to know about one target system's files: the schema of
 * its resource files (whose {@code $defs/target} also describes the system's own fields of a target in
 * {@code switchboard.yaml}), how to read them, how to write live state back as them, and how to read the
 * system's fields of a target entry.
 *
 * @param targetKind     the {@code kind:} of its targets, also the name of its schema
 *                       ({@code schemas/<targetKind>.schema.json})
 * @param kinds          its resource kinds, parents before children
 * @param reader         resource file to resources
 * @param writer         live resources to resource file
 * @param targetFields   the system's fields of a target entry
 */
public record ResourceFileFormat(String targetKind, List<ResourceKind> kinds, ResourceFileReader reader,
                                 ResourceFileWriter writer, TargetFieldsReader targetFields) {

    public ResourceFileFormat {
        Objects.requireNonNull(targetKind, "targetKind");
        kinds = List.copyOf(kinds);
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(targetFields, "targetFields");
    }

    /** The schema's name, as {@code switchboard schema NAME} takes it. */
    public String schemaName() {
        return targetKind;
    }
}
