package dev.switchboard.system;

import dev.switchboard.desired.ResourceFileFormat;
import dev.switchboard.diff.Normalizer;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.ProviderFactory;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimDialect;
import dev.switchboard.sim.Simulator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One target system Switchboard drives (Officelinx, XCI, ...), as a plug-in: everything the generic
 * core needs to know about it, from one object. Implementations are CDI beans
 * ({@code @ApplicationScoped}) in a package of their own under {@code dev.switchboard.systems}; the core
 * finds them through {@link TargetSystems}, never by name, so that a new system is a new package and a
 * schema file, with no edit elsewhere.
 *
 * <p>What the API can do with each kind (create, update, delete, objects it refuses to delete) is told
 * by the provider's {@code ResourceType}s, which implement {@code Creator}, {@code Updater} and
 * {@code Deleter} as the API allows.
 */
public interface TargetSystem {

    /** The {@code kind:} of its targets in {@code switchboard.yaml}: {@code officelinx}. */
    String targetKind();

    /** The product's name for listings: {@code Esna Officelinx}. */
    String displayName();

    /** Its resource kinds, parents before children, with their natural keys. */
    List<KindDescriptor> kinds();

    /** Its resource files: schema, reader, exporter, and its fields of a target entry. */
    ResourceFileFormat files();

    /**
     * How its API presents values, for kinds that need more than the scalar rules every kind gets
     * (numbers and their text, null and absent): sets written as lists, and so on. Each normalizer
     * given here replaces the default for its kind, so it should start from {@code Normalizers.scalars()}.
     */
    default Map<ResourceKind, Normalizer> normalizers() {
        return Map.of();
    }

    /** Whether its API treats field names case-insensitively ({@code UserName} is {@code userName}). */
    default boolean caseInsensitiveFieldNames() {
        return false;
    }

    /** Opens providers for its targets. */
    ProviderFactory providers();

    /** A freshly installed server of this system, for {@code url: embedded}, {@code switchboard sim} and tests. */
    Simulator simulator(SimCredentials credentials);

    /**
     * A simulator with knobs of this system's own, from {@code switchboard sim --sim-option KIND.NAME=VALUE}
     * ({@code options} holds {@code NAME -> VALUE}, the kind prefix removed): a dialect, an apply delay.
     * Systems without knobs need not override it.
     *
     * @throws IllegalArgumentException naming the option when a name or value is not understood
     */
    default Simulator simulator(SimCredentials credentials, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("the " + targetKind() + " simulator has no option "
                    + options.keySet().iterator().next());
        }
        return simulator(credentials);
    }

    /**
     * The named dialects of its simulator: each plausible reading of its document that a real server may
     * have, as a preset of the knobs {@link #simulator(SimCredentials, Map)} takes. Named on the command
     * line and in a target's {@code sim: dialects} as {@code KIND.NAME} ({@link #dialectPrefixes()}).
     */
    default List<SimDialect> dialects() {
        return List.of();
    }

    /** What may stand before the dot of its dialects' names: its target kind, and a short name of its own. */
    default List<String> dialectPrefixes() {
        return List.of(targetKind());
    }

    /** The dialect named {@code name}, given with or without one of {@link #dialectPrefixes()}. */
    default Optional<SimDialect> dialect(String name) {
        String bare = name;
        for (String prefix : dialectPrefixes()) {
            if (name.startsWith(prefix + ".")) {
                bare = name.substring(prefix.length() + 1);
                break;
            }
        }
        String wanted = bare;
        return dialects().stream().filter(d -> d.name().equals(wanted)).findFirst();
    }

    /**
     * A simulator playing {@code dialects} (names as {@link #dialect(String)} takes them), with
     * {@code options} on top.
     *
     * @throws IllegalArgumentException naming the dialect when one is not known, with those that are
     */
    default Simulator simulator(SimCredentials credentials, List<String> dialects, Map<String, String> options) {
        Map<String, String> knobs = new LinkedHashMap<>();
        for (String name : dialects) {
            SimDialect dialect = dialect(name).orElseThrow(() -> new IllegalArgumentException("the " + targetKind()
                    + " simulator has no dialect " + name + " (it has: " + (dialects().isEmpty() ? "none"
                    : String.join(", ", dialects().stream().map(d -> dialectPrefixes().get(dialectPrefixes().size() - 1)
                    + "." + d.name()).toList())) + ")"));
            knobs.putAll(dialect.options());
        }
        knobs.putAll(options);
        return knobs.isEmpty() ? simulator(credentials) : simulator(credentials, knobs);
    }

    /** The kinds alone, parents before children. */
    default List<ResourceKind> resourceKinds() {
        return kinds().stream().map(KindDescriptor::kind).toList();
    }
}
