package dev.switchboard.desired;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one load accumulates: problems, warnings, the objects declared per target, the references still to
 * check, and which schema properties the readers consumed (so a test can prove schema and loader agree).
 */
final class LoadContext {

    /** A reference from one object to another that must be declared in the same target. */
    record PendingReference(String target, ResourceKey to, SourceLocation at, String fieldPath, String missing) {
    }

    final List<Problem> problems = new ArrayList<>();
    final List<Problem> warnings = new ArrayList<>();
    final SecretResolver secrets;
    final Map<String, Set<String>> readProperties = new LinkedHashMap<>();
    private final Map<String, Map<ResourceKey, Resource>> declared = new LinkedHashMap<>();
    private final List<PendingReference> references = new ArrayList<>();

    LoadContext(SecretResolver secrets) {
        this.secrets = secrets;
    }

    /** Records a problem, as a warning or an error by its severity. */
    void report(Problem problem) {
        (problem.isWarning() ? warnings : problems).add(problem);
    }

    void recordRead(String definition, String property) {
        readProperties.computeIfAbsent(definition, d -> new LinkedHashSet<>()).add(property);
    }

    /** Adds a declared object, or a problem when its natural key is taken already. */
    void declare(String target, Resource resource, String fieldPath) {
        Map<ResourceKey, Resource> objects = declared.computeIfAbsent(target, t -> new LinkedHashMap<>());
        Resource first = objects.get(resource.key());
        SourceLocation at = resource.origin().orElseThrow();
        if (first != null) {
            problems.add(Problem.at(at, fieldPath, resource.key() + " is declared twice; first at "
                    + first.origin().map(Object::toString).orElse("?"), "remove one of them, or give it another key"));
            return;
        }
        objects.put(resource.key(), resource);
    }

    void reference(String target, ResourceKey to, SourceLocation at, String fieldPath, String missing) {
        references.add(new PendingReference(target, to, at, fieldPath, missing));
    }

    Map<ResourceKey, Resource> declared(String target) {
        return Collections.unmodifiableMap(declared.getOrDefault(target, Map.of()));
    }

    List<PendingReference> references() {
        return references;
    }
}
