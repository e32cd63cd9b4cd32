package dev.switchboard.engine;

import java.util.OptionalInt;

/**
 * How to apply.
 *
 * @param force       apply although the deletes or updates exceed the target's percentage thresholds
 *                    (never overrides protect, read-only or the API's refusals)
 * @param parallelism concurrent API calls per target; empty for the target's own setting
 * @param overrideWindow apply a target outside its change window ({@code settings.windows}) all the same
 */
public record ApplyOptions(boolean force, OptionalInt parallelism, boolean overrideWindow) {

    public static final ApplyOptions DEFAULT = new ApplyOptions(false, OptionalInt.empty());

    /** Options that keep to the change windows. */
    public ApplyOptions(boolean force, OptionalInt parallelism) {
        this(force, parallelism, false);
    }
}
