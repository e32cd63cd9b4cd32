package dev.switchboard.plan;

import java.util.Collection;

/**
 * How many objects each action touches. {@link #changesPresent()} is SPEC section 4's "changes present"
 * (exit code 2): an apply would call the API; unmanaged objects alone do not count.
 */
public record Summary(int create, int update, int delete, int unmanaged, int noOp) {

    public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0);

    public static Summary of(Collection<Change> changes) {
        int[] counts = new int[Action.values().length];
        changes.forEach(c -> counts[c.action().ordinal()]++);
        return new Summary(counts[Action.CREATE.ordinal()], counts[Action.UPDATE.ordinal()],
                counts[Action.DELETE.ordinal()], counts[Action.UNMANAGED.ordinal()], counts[Action.NO_OP.ordinal()]);
    }

    public Summary plus(Summary other) {
        return new Summary(create + other.create, update + other.update, delete + other.delete,
                unmanaged + other.unmanaged, noOp + other.noOp);
    }

    public boolean changesPresent() {
        return create + update + delete > 0;
    }
}
