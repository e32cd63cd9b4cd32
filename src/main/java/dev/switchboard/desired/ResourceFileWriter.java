package dev.switchboard.desired;

import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import java.util.List;
import java.util.Map;

/**
 * The inverse of a {@link ResourceFileReader}: live objects nested back into the shape people write, so
 * that {@code switchboard export} writes a file that loads and plans to no changes.
 */
@FunctionalInterface
public interface ResourceFileWriter {

    /**
     * @param notes what a person must still do before the file plans cleanly (a password the API never
     *              returns, written as an {@code ${env:...}} reference); appended to by the writer
     * @return the top-level fields of the file after {@code target:}, in the order they are to be written;
     *         values are strings, numbers, booleans, lists and maps, and never a secret's value
     */
    Map<String, Object> write(TargetSpec target, ResourceSet live, List<String> notes);
}
