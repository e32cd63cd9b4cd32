package dev.switchboard.provider;

import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import java.util.List;
import java.util.Optional;
import dev.switchboard.model.ResourceKind;

/**
 * A connection to one target server. Thin: it reads the server's objects into the desired-state shape
 * and carries out single changes; pairing, diffing, ordering and safety belong to the engine.
 *
 * <p>A provider is opened per command run (or daemon reconcile) and closed after it; it may keep a
 * session or token in between. It is safe for concurrent calls up to the target's parallelism.
 */
public interface Provider extends AutoCloseable {

    TargetSpec target();

    /**
     * One {@link ResourceType} per kind this provider manages, parents before children. Each
     * implements the capabilities its API has ({@link Creator}, {@link Updater}, {@link Deleter}).
     */
    List<ResourceType> types();

    /** Every object of the managed kinds on the server, with server IDs, in the desired-state shape. */
    ResourceSet fetchLiveState(FetchProgress progress);

    /**
     * Told the objects the desired state declares for this target: for an API that cannot list everything
     * without knowing what to ask for (Officelinx addresses, listed one type at a time by a server that
     * requires the type). Most providers need nothing of it. Usually told before any fetch; when the live
     * state was read while the desired state loaded, after that read, and then asked {@link #readCovers}.
     */
    default void expect(ResourceSet declared) {
    }

    /**
     * Whether the live state last fetched, read before {@link #expect} was told of {@code declared}, holds
     * everything of it that a fetch told first would have read; when not, the engine fetches again. True
     * for a provider whose reads do not depend on what is declared.
     */
    default boolean readCovers(ResourceSet declared) {
        return true;
    }

    default Optional<ResourceType> type(ResourceKind kind) {
        return types().stream().filter(t -> t.kind().equals(kind)).findFirst();
    }

    @Override
    default void close() {
    }
}
