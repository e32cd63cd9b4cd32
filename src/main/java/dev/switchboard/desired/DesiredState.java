package dev.switchboard.desired;

import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid desired-state directory, fully read: its targets and, per target, every declared object.
 *
 * @param dir       the directory, absolute
 * @param targets   by name, in the order {@code switchboard.yaml} declares them
 * @param resources by target name; every target has a set, empty when no file names it
 * @param files     the resource files read, relative to {@code dir}
 */
public record DesiredState(Path dir, Settings settings, Map<String, TargetSpec> targets,
                           Map<String, ResourceSet> resources, List<Path> files) {

    public DesiredState {
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        files = List.copyOf(files);
    }

    public ResourceSet resourcesOf(String target) {
        return resources.getOrDefault(target, ResourceSet.empty(target));
    }

    public int objectCount() {
        return resources.values().stream().mapToInt(ResourceSet::size).sum();
    }
}
