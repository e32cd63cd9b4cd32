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
import java.util.Optional;
import java.util.Set;
import dev.switchboard.model.Secret;

/**
 * What one load accumulates: problems, warnings, the objects declared per target, the references still to
 * check, and which schema properties the readers consumed (so a test can prove schema and loader agree).
 */
final class LoadContext {

    /** A reference from one object to another that must be declared in the same target. */
    record PendingReference(String target, ResourceKey to, YamlObject from, String field, String missing) {

        /** Where the field that names {@code to} was written: found only for a reference that is reported. */
        SourceLocation at() {
            return from.locationOf(field);
        }

        String fieldPath() {
            return from.fieldPath(field);
        }
    }

    final List<Problem> problems = new ArrayList<>();
    final List<Problem> warnings = new ArrayList<>();
    final SecretResolver secrets;
    final Map<String, Set<String>> readProperties = new LinkedHashMap<>();
    private final Map<String, Map<ResourceKey, Resource>> declared = new LinkedHashMap<>();
    private final List<PendingReference> references = new ArrayList<>();

    /** The targets whose secrets must resolve; empty: every target's. */
    private final Set<String> needed;
    /**
     * Whether {@link #recordRead} records: only for the test that proves every schema property is read, as
     * a set insertion for every field read was a cost of every load.
     */
    private final boolean recordReads;
    /** The target whose declaration or resource file is being read; null outside one. */
    private String reading;

    /** A context that records which schema properties are read, for {@link DesiredStateLoader#propertiesRead}. */
    LoadContext(SecretResolver secrets) {
        this(secrets, Set.of(), true);
    }

    LoadContext(SecretResolver secrets, Set<String> needed) {
        this(secrets, needed, false);
    }

    private LoadContext(SecretResolver secrets, Set<String> needed, boolean recordReads) {
        this.secrets = secrets;
        this.needed = Set.copyOf(needed);
        this.recordReads = recordReads;
    }

    /** What follows belongs to {@code target} (null: to no target), until the next call. */
    void reading(String target) {
        this.reading = target;
    }

    /**
     * Resolves a field that may be a secret reference. In a target this run does not need, a well-formed
     * reference whose value is not there is no problem: it stays {@linkplain Secret#unresolved unresolved},
     * as no server of the run is sent it.
     */
    Optional<Object> resolveSecret(String raw, SourceLocation at, String fieldPath) {
        if (needed.isEmpty() || reading == null || needed.contains(reading) || !SecretResolver.wellFormed(raw)) {
            return secrets.resolve(raw, at, fieldPath, problems);
        }
        List<Problem> missing = new ArrayList<>();
        Optional<Object> value = secrets.resolve(raw, at, fieldPath, missing);
        return missing.isEmpty() ? value : Optional.of(Secret.unresolved(raw));
    }

    /** Records a problem, as a warning or an error by its severity. */
    void report(Problem problem) {
        (problem.isWarning() ? warnings : problems).add(problem);
    }

    void recordRead(String definition, String property) {
        if (!recordReads) {
            return;
        }
        readProperties.computeIfAbsent(definition, d -> new LinkedHashSet<>()).add(property);
    }

    /** Adds a declared object, or a problem when its natural key is taken already. */
    void declare(String target, Resource resource, YamlObject where) {
        Map<ResourceKey, Resource> objects = declared.computeIfAbsent(target, t -> new LinkedHashMap<>());
        Resource first = objects.get(resource.key());
        SourceLocation at = resource.origin().orElseThrow();
        if (first != null) {
            problems.add(Problem.at(at, where.fieldPath(), resource.key() + " is declared twice; first at "
                    + first.origin().map(Object::toString).orElse("?"), "remove one of them, or give it another key"));
            return;
        }
        objects.put(resource.key(), resource);
    }

    void reference(String target, ResourceKey to, YamlObject from, String field, String missing) {
        references.add(new PendingReference(target, to, from, field, missing));
    }

    Map<ResourceKey, Resource> declared(String target) {
        return Collections.unmodifiableMap(declared.getOrDefault(target, Map.of()));
    }

    List<PendingReference> references() {
        return references;
    }
}
