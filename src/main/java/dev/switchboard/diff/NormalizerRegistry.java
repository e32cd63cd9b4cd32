package dev.switchboard.diff;

import dev.switchboard.model.OfficelinxKinds;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.XciKinds;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The normalizer of each kind: the one place that knows how particular APIs present values. Kinds
 * not registered get {@link Normalizers#scalars()}.
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

    /**
     * The rules of the systems Switchboard drives:
     * <ul>
     *   <li>every kind: {@link Normalizers#scalars()} (numbers and their text, null and absent);</li>
     *   <li>XCI {@code template}: {@code xivos} and {@code entities} are sets;</li>
     *   <li>XCI {@code administrator}: {@code entities} is a set;</li>
     *   <li>XCI {@code entity}: {@code intervals} stay ordered, since the API keeps their order and
     *       the first one is the entity's main range;</li>
     *   <li>Officelinx: field names match case-insensitively ({@code UserName} is {@code userName}), as the
     *       API treats them (SPEC section 4).</li>
     * </ul>
     */
    public static NormalizerRegistry standard() {
        Normalizer scalars = Normalizers.scalars();
        Map<ResourceKind, Normalizer> rules = new HashMap<>();
        rules.put(XciKinds.TEMPLATE, scalars.andThen(Normalizers.unorderedLists("xivos", "entities")));
        rules.put(XciKinds.ADMINISTRATOR, scalars.andThen(Normalizers.unorderedLists("entities")));
        return new NormalizerRegistry(rules, scalars, Set.of(OfficelinxKinds.TARGET_KIND));
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
