package dev.switchboard.desired;

/**
 * Turns one resource file of a target system, already checked against that system's JSON Schema,
 * into natural-keyed resources: the file's nesting (companies holding mailboxes, entities holding users)
 * is flattened, each object declared through {@link ResourceFileContext#declare} and each reference to
 * another object recorded with {@link ResourceFileContext#reference}, so that the loader can check it
 * and point at the line that names it.
 *
 * <p>Reads are lenient: a field of the wrong type reads as absent, since the schema has reported it.
 * A reader reports only what the schema cannot say (a number outside its entity's ranges, a company on
 * another PBX), through {@link YamlObject#problem}.
 */
@FunctionalInterface
public interface ResourceFileReader {

    /** @param root the file's top-level mapping, read against the schema's top-level properties */
    void read(YamlObject root, ResourceFileContext context);
}
