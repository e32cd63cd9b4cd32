package dev.switchboard.diff;

import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.XciKinds;
import java.util.HashMap;
import java.util.Map;

/**
 * The normalizer of each kind: the one place that knows how particular APIs present values. Kinds
 * not registered get {@link Normalizers#scalars()}.
 */
public final class NormalizerRegistry {

    private final Map<ResourceKind, Normalizer> byKind;
    private final Normalizer fallback;

    private NormalizerRegistry(Map<ResourceKind, Normalizer> byKind, Normalizer fallback) {
        this.byKind = Map.copyOf(byKind);
        this.fallback = fallback;
    }

    /**
     * The rules of the systems Switchboard drives:
     * <ul>
     *   <li>every kind: {@link Normalizers#scalars()} (numbers and their text, null and absent);</li>
     *   <li>XCI {@code template}: {@code xivos} and {@code entities} are sets;</li>
     *   <li>XCI {@code administrator}: {@code entities} is a set;</li>
     *   <li>XCI {@code entity}: {@code intervals} stay ordered, since the API keeps their order and
     *       the first one is the entity's main range.</li>
     * </ul>
     */
    public static NormalizerRegistry standard() {
        Normalizer scalars = Normalizers.scalars();
        Map<ResourceKind, Normalizer> rules = new HashMap<>();
        rules.put(XciKinds.TEMPLATE, scalars.andThen(Normalizers.unorderedLists("xivos", "entities")));
        rules.put(XciKinds.ADMINISTRATOR, scalars.andThen(Normalizers.unorderedLists("entities")));
        return new NormalizerRegistry(rules, scalars);
    }

    /** Custom rules, for tests and for systems added later; {@code fallback} serves every other kind. */
    public static NormalizerRegistry of(Map<ResourceKind, Normalizer> byKind, Normalizer fallback) {
        return new NormalizerRegistry(byKind, fallback);
    }

    public Normalizer forKind(ResourceKind kind) {
        return byKind.getOrDefault(kind, fallback);
    }
}
