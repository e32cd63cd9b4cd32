package dev.switchboard.diff;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKind;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The normalizer of each kind, as the target systems contribute them (each system knows how its API
 * presents values), and which target kinds match field names case-insensitively. Kinds not registered
 * get the fallback, {@link Normalizers#scalars()} in practice.
 */
public final class NormalizerRegistry {

    private final Map<ResourceKind, Normalizer> byKind;
    private final Normalizer fallback;
    private final Set<String> caseInsensitiveTargetKinds;

    private NormalizerRegistry(Map<ResourceKind, Normalizer> byKind, Normalizer fallback,
                               Set<String> caseInsensitiveTargetKinds) {
        this.byKind = Map.copyOf(byKind);
        this.fallback = fallback;
        this.caseInsensitiveTargetKinds = Set.copyOf(caseInsensitiveTargetKinds);
    }

    /** The scalar rules for every kind, and exact field names: what a kind gets that no system gives rules for. */
    public static NormalizerRegistry defaults() {
        return new NormalizerRegistry(Map.of(), Normalizers.scalars(), Set.of());
    }

    /** Custom rules, for tests and for systems added later; {@code fallback} serves every other kind. */
    public static NormalizerRegistry of(Map<ResourceKind, Normalizer> byKind, Normalizer fallback) {
        return new NormalizerRegistry(byKind, fallback, Set.of());
    }

    /**
     * @param caseInsensitiveTargetKinds the target kinds whose APIs ignore the case of field names
     */
    public static NormalizerRegistry of(Map<ResourceKind, Normalizer> byKind, Normalizer fallback,
                                        Set<String> caseInsensitiveTargetKinds) {
        return new NormalizerRegistry(byKind, fallback, caseInsensitiveTargetKinds);
    }

    public Normalizer forKind(ResourceKind kind) {
        return byKind.getOrDefault(kind, fallback);
    }

    /**
     * The live value of a declared field: by exact name, or for systems whose API ignores the case of
     * field names, by the first live field whose name differs only in case.
     */
    public Optional<Object> liveValue(Resource live, String field) {
        Optional<Object> exact = live.field(field);
        if (exact.isPresent() || !caseInsensitiveTargetKinds.contains(live.kind().targetKind())) {
            return exact;
        }
        return live.fields().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(field))
                .map(e -> Optional.ofNullable(e.getValue())).findFirst().orElse(Optional.empty());
    }
}
