package dev.switchboard.engine;

import java.util.OptionalInt;

/**
 * How to apply.
 *
 * @param force       apply although the deletes or updates exceed the target's percentage thresholds
 *                    (never overrides protect, read-only or the API's refusals)
 * @param parallelism concurrent API calls per target; empty for the target's own setting
 */
public record ApplyOptions(boolean force, OptionalInt parallelism) {

    public static final ApplyOptions DEFAULT = new ApplyOptions(false, OptionalInt.empty());
}
