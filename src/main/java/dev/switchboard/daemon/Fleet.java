package dev.switchboard.daemon;

import dev.switchboard.model.TargetSpec;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The replicas that share the targets, as this replica sees them: who owns a target, what this replica is
 * called in the {@code shard} label, and whether it may apply right now. A pass asks {@link #owner} once per
 * target, and {@link #mayApply} again just before it applies one.
 */
public interface Fleet {

    /**
     * Who reconciles a target.
     *
     * @param mine    this replica reconciles it
     * @param shard   the owner's name in the {@code shard} label and the status: a shard number, a pod's name;
     *                {@code none} when no replica holds a Lease
     * @param problem why its {@code shard: K} cannot be honoured (file, line, field); the target is then
     *                reported failed by the replica its name hashes to, and reconciled by none
     */
    record Owner(boolean mine, String shard, Optional<String> problem) {
        static Owner of(boolean mine, String shard) {
            return new Owner(mine, shard, Optional.empty());
        }
    }

    Owner owner(TargetSpec target);

    /** This replica's name in the {@code shard} label. */
    String shard();

    /** Whether this replica may apply now: false once it has lost its Lease. */
    boolean mayApply();

    /**
     * Whether this replica may apply {@code target} now: it may apply at all, and (the members having been
     * looked at again) it still owns the target.
     */
    default boolean mayApply(TargetSpec target) {
        return mayApply();
    }

    /** Why {@link #mayApply} is false, for the outcome of a target left unapplied. */
    default String whyNot() {
        return "this replica no longer holds its Lease";
    }

    /** One replica that reconciles every target. */
    Fleet SINGLE = fixed(1, 0);

    /** Static sharding: {@code replicas} shards, this replica being {@code shard}. */
    static Fleet fixed(int replicas, int shard) {
        ShardAssignment assignment = ShardAssignment.ofShards(replicas);
        String self = Integer.toString(shard);
        return new Fleet() {
            @Override
            public Owner owner(TargetSpec target) {
                OptionalInt pin = target.shard().map(p -> OptionalInt.of(p.shard())).orElse(OptionalInt.empty());
                if (pin.isPresent() && pin.getAsInt() >= replicas) {
                    TargetSpec.ShardPin p = target.shard().get();
                    String owner = assignment.owner(target.name(), OptionalInt.empty()).orElseThrow().id();
                    return new Owner(owner.equals(self), owner, Optional.of(p.location() + ": " + p.fieldPath() + ": shard "
                            + p.shard() + ", but SWITCHBOARD_REPLICAS is " + replicas + " (shards 0 to " + (replicas - 1)
                            + "): no replica reconciles this target; pin it to an existing shard, or remove 'shard'"));
                }
                String owner = assignment.owner(target.name(), pin).orElseThrow().id();
                return Owner.of(owner.equals(self), owner);
            }

            @Override
            public String shard() {
                return self;
            }

            @Override
            public boolean mayApply() {
                return true;
            }
        };
    }
}
