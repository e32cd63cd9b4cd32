package dev.switchboard.system;

import dev.switchboard.desired.NumberField;
import dev.switchboard.desired.ResourceFileFormat;
import dev.switchboard.diff.RenameRules;
import dev.switchboard.diff.Normalizer;
import dev.switchboard.diff.NormalizerRegistry;
import dev.switchboard.diff.Normalizers;
import dev.switchboard.model.ResourceKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The target systems installed: every {@link TargetSystem} bean, in the order of their target kinds.
 * The only way the core learns which systems exist.
 */
@ApplicationScoped
public class TargetSystems {

    private final List<TargetSystem> systems;

    @Inject
    public TargetSystems(@Any Instance<TargetSystem> installed) {
        this(installed.stream().toList());
    }

    private TargetSystems(List<TargetSystem> systems) {
        List<TargetSystem> sorted = systems.stream().sorted(Comparator.comparing(TargetSystem::targetKind)).toList();
        Set<String> seen = new HashSet<>();
        for (TargetSystem system : sorted) {
            if (!seen.add(system.targetKind())) {
                throw new IllegalStateException("two target systems of kind " + system.targetKind());
            }
        }
        this.systems = sorted;
    }

    /** These systems and no others: for tests that run without CDI. */
    public static TargetSystems of(TargetSystem... systems) {
        return new TargetSystems(List.of(systems));
    }

    public List<TargetSystem> all() {
        return systems;
    }

    public Optional<TargetSystem> find(String targetKind) {
        return systems.stream().filter(s -> s.targetKind().equals(targetKind)).findFirst();
    }

    public List<String> targetKinds() {
        return systems.stream().map(TargetSystem::targetKind).toList();
    }

    /** The file formats of every system, for the loader and the schemas. */
    public List<ResourceFileFormat> fileFormats() {
        return systems.stream().map(TargetSystem::files).toList();
    }

    /** Every system's normalizers, and the scalar rules for every other kind. */
    public NormalizerRegistry normalizers() {
        Map<ResourceKind, Normalizer> rules = new HashMap<>();
        Set<String> caseInsensitive = new HashSet<>();
        for (TargetSystem system : systems) {
            rules.putAll(system.normalizers());
            if (system.caseInsensitiveFieldNames()) {
                caseInsensitive.add(system.targetKind());
            }
        }
        return NormalizerRegistry.of(rules, Normalizers.scalars(), caseInsensitive);
    }

    /** The fields of every system's kinds that hold extensions and mailboxes, for {@code settings.numberPlan}. */
    public List<NumberField> numberFields() {
        List<NumberField> fields = new ArrayList<>();
        systems.forEach(system -> system.kinds().forEach(kind -> fields.addAll(kind.numbers())));
        return fields;
    }

    /** Every system's kinds' parents and updatable key fields, for pairing {@code renamedFrom}. */
    public RenameRules renameRules() {
        Map<ResourceKind, List<ResourceKind>> parents = new HashMap<>();
        Map<ResourceKind, String> keyFields = new HashMap<>();
        for (TargetSystem system : systems) {
            for (KindDescriptor kind : system.kinds()) {
                parents.put(kind.kind(), kind.parents());
                kind.keyField().ifPresent(field -> keyFields.put(kind.kind(), field));
            }
        }
        return new RenameRules(parents, keyFields);
    }
}
