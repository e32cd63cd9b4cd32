package dev.switchboard.system;

import dev.switchboard.desired.ResourceFileFormat;
import dev.switchboard.diff.Normalizer;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.ProviderFactory;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.Simulator;
import java.util.List;
import java.util.Map;

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

    /** The kinds alone, parents before children. */
    default List<ResourceKind> resourceKinds() {
        return kinds().stream().map(KindDescriptor::kind).toList();
    }
}
