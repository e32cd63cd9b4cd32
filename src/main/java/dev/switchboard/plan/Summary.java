package dev.switchboard.plan;

import java.util.Collection;

/**
 * How many objects each action touches. {@link #changesPresent()} is SPEC section 4's "changes present"
 * (exit code 2): an apply would call the API; unmanaged objects alone do not count.
 */
public record Summary(int create, int update, int delete, int unmanaged, int noOp, int replace) {

    public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0);

    /** A summary with no replace. */
    public Summary(int create, int update, int delete, int unmanaged, int noOp) {
        this(create, update, delete, unmanaged, noOp, 0);
    }

    public static Summary of(Collection<Change> changes) {
        int[] counts = new int[Action.values().length];
        changes.forEach(c -> counts[c.action().ordinal()]++);
        return new Summary(counts[Action.CREATE.ordinal()], counts[Action.UPDATE.ordinal()],
                counts[Action.DELETE.ordinal()], counts[Action.UNMANAGED.ordinal()], counts[Action.NO_OP.ordinal()],
                counts[Action.REPLACE.ordinal()]);
    }

    public Summary plus(Summary other) {
        return new Summary(create + other.create, update + other.update, delete + other.delete,
                unmanaged + other.unmanaged, noOp + other.noOp, replace + other.replace);
    }

    public boolean changesPresent() {
        return create + update + delete + replace > 0;
    }

    /** What the safety thresholds count as deletes: deletes, and replaces (each deletes the live object). */
    public int destroyed() {
        return delete + replace;
    }
}
