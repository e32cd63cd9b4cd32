package dev.switchboard.plan;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a target's API can do, per kind, as plain data: the engine translates a provider's
 * {@code ResourceType}s ({@code Creator}, {@code Updater}, {@code Deleter} and its
 * {@code deletionRefusal}) into this, so that the planner never sees a provider.
 *
 * @param kinds one entry per kind the target manages, parents before children: this order is the kind
 *              order of {@link ChangeOrder}
 */
public record TargetCapabilities(List<KindCapabilities> kinds) {

    public TargetCapabilities {
        kinds = List.copyOf(kinds);
    }

    public static TargetCapabilities of(KindCapabilities... kinds) {
        return new TargetCapabilities(List.of(kinds));
    }

    /** Every kind listed can be created, updated and deleted, and no deletion is refused. */
    public static TargetCapabilities unrestricted(List<ResourceKind> kinds) {
        return new TargetCapabilities(kinds.stream().map(KindCapabilities::full).toList());
    }

    public Optional<KindCapabilities> of(ResourceKind kind) {
        return kinds.stream().filter(k -> k.kind().equals(kind)).findFirst();
    }

    /** The kinds in their order, parents before children. */
    public List<ResourceKind> kindOrder() {
        return kinds.stream().map(KindCapabilities::kind).toList();
    }

    /**
     * What the API can do with one kind.
     *
     * @param deletionRefusal why the API would refuse to delete a given live object (Officelinx company
     *                        1); empty when it would not. Consulted only when {@code canDelete}.
     * @param singleton       objects of this kind exist on the server by themselves (per-user settings):
     *                        a live one no file declares is not part of the plan, not even as unmanaged
     * @param creationRefusal why the server would refuse to create a given desired object (a XiVO line
     *                        number that is not free); empty when it would not. Consulted only when
     *                        {@code canCreate}, for each planned create.
     */
    public record KindCapabilities(ResourceKind kind, boolean canCreate, boolean canUpdate, boolean canDelete,
                                   Function<Resource, Optional<String>> deletionRefusal, boolean singleton,
                                   Function<Resource, Optional<String>> creationRefusal) {

        private static final Function<Resource, Optional<String>> NEVER = r -> Optional.empty();

        public KindCapabilities {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(deletionRefusal, "deletionRefusal");
            Objects.requireNonNull(creationRefusal, "creationRefusal");
        }

        public KindCapabilities(ResourceKind kind, boolean canCreate, boolean canUpdate, boolean canDelete,
                                Function<Resource, Optional<String>> deletionRefusal, boolean singleton) {
            this(kind, canCreate, canUpdate, canDelete, deletionRefusal, singleton, NEVER);
        }

        /** A kind whose objects are created and deleted through the API, or not at all. */
        public KindCapabilities(ResourceKind kind, boolean canCreate, boolean canUpdate, boolean canDelete,
                                Function<Resource, Optional<String>> deletionRefusal) {
            this(kind, canCreate, canUpdate, canDelete, deletionRefusal, false);
        }

        /** Objects that always exist and can only be updated (a sipXconfig user's call forwarding). */
        public static KindCapabilities singletonOf(ResourceKind kind) {
            return new KindCapabilities(kind, false, true, false, NEVER, true);
        }

        public static KindCapabilities full(ResourceKind kind) {
            return new KindCapabilities(kind, true, true, true, NEVER);
        }

        /** A kind the API can create but never update or delete (XCI {@code xivo}). */
        public static KindCapabilities createOnly(ResourceKind kind) {
            return new KindCapabilities(kind, true, false, false, NEVER);
        }

        public KindCapabilities refusingDeletion(Function<Resource, Optional<String>> refusal) {
            return new KindCapabilities(kind, canCreate, canUpdate, canDelete, refusal, singleton, creationRefusal);
        }

        public KindCapabilities refusingCreation(Function<Resource, Optional<String>> refusal) {
            return new KindCapabilities(kind, canCreate, canUpdate, canDelete, deletionRefusal, singleton, refusal);
        }

        /** Why {@code live} cannot be deleted: the kind has no delete, or the API refuses this object. */
        public Optional<String> whyNotDeletable(Resource live) {
            if (!canDelete) {
                return Optional.of("the API cannot delete a " + kind.name());
            }
            return deletionRefusal.apply(live);
        }
    }
}
