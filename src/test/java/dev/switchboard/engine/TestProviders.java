package dev.switchboard.engine;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ResourceType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** In-memory providers for the engine's tests: a target, its types, and what its fetch answers. */
final class TestProviders {

    private TestProviders() {
    }

    static Provider of(TargetSpec spec, List<ResourceType> types, Function<FetchProgress, ResourceSet> fetch) {
        return new Provider() {
            @Override
            public TargetSpec target() {
                return spec;
            }

            @Override
            public List<ResourceType> types() {
                return types;
            }

            @Override
            public ResourceSet fetchLiveState(FetchProgress progress) {
                return fetch.apply(progress);
            }
        };
    }

    /**
     * A type of {@code kind} whose create runs {@code onCreate} (which may throw, to fail it) and answers the
     * object as created with the ID {@code id-<path>}; it never finds an object by key.
     */
    static Creator creator(ResourceKind kind, Consumer<Resource> onCreate) {
        return new Creator() {
            @Override
            public ResourceKind kind() {
                return kind;
            }

            @Override
            public Resource create(Resource desired, IdResolver ids) {
                onCreate.accept(desired);
                return Resource.live(desired.key(), "id-" + desired.key().path(), desired.fields(), Set.of());
            }

            @Override
            public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
                return Optional.empty();
            }
        };
    }
}
