package dev.switchboard.plan;

import java.util.List;

/**
 * What {@link SafetyPolicy} says about applying a plan.
 *
 * @param violations every rule the plan breaks, thresholds and blockers alike, forced or not
 * @param force      whether {@code --force} was given
 */
public record SafetyVerdict(List<Violation> violations, boolean force) {

    public SafetyVerdict {
        violations = List.copyOf(violations);
    }

    /** The apply may go ahead. */
    public boolean allowed() {
        return refusals().isEmpty();
    }

    /** The violations that stop the apply: blockers always, thresholds unless forced. */
    public List<Violation> refusals() {
        return violations.stream().filter(v -> !v.overridable() || !force).toList();
    }

    /** Thresholds broken but overridden by {@code --force}: worth a warning. */
    public List<Violation> overridden() {
        return violations.stream().filter(v -> v.overridable() && force).toList();
    }

    /**
     * One broken rule.
     *
     * @param overridable a percentage threshold, which {@code --force} overrides; false for plan errors
     *                    and read-only targets
     * @param message     e.g. {@code plan deletes 4 of 12 live objects (33%), above maxDeletePercent 25;
     *                    use --force to apply anyway}
     */
    public record Violation(String target, boolean overridable, String message) {

        public static Violation threshold(String target, String message) {
            return new Violation(target, true, message);
        }

        public static Violation blocking(String target, String message) {
            return new Violation(target, false, message);
        }

        @Override
        public String toString() {
            return target + ": " + message;
        }
    }
}
