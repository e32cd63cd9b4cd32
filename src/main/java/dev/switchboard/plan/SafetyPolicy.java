package dev.switchboard.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gate between a plan and its apply (octoDNS's rule, stricter on deletes): for a target with at
 * least {@value #MINIMUM_LIVE_OBJECTS} live objects, a plan deleting more than
 * {@code maxDeletePercent} or updating more than {@code maxUpdatePercent} of them is refused unless
 * forced. Exactly at the limit is allowed. Plan errors (protected objects, what the API cannot do) and
 * changes to a read-only target are refused whatever {@code --force} says.
 */
public final class SafetyPolicy {

    /** Targets with fewer live objects are exempt from the percentage thresholds. */
    public static final int MINIMUM_LIVE_OBJECTS = 10;

    private SafetyPolicy() {
    }

    /** The verdict on applying {@code plan}; {@code force} overrides the percentage thresholds only. */
    public static SafetyVerdict evaluate(Plan plan, boolean force) {
        List<SafetyVerdict.Violation> violations = new ArrayList<>();
        for (TargetPlan target : plan.targets()) {
            violations.addAll(violations(target));
        }
        return new SafetyVerdict(violations, force);
    }

    public static SafetyVerdict evaluate(TargetPlan target, boolean force) {
        return new SafetyVerdict(violations(target), force);
    }

    private static List<SafetyVerdict.Violation> violations(TargetPlan target) {
        List<SafetyVerdict.Violation> found = new ArrayList<>();
        String name = target.target();
        for (PlanError error : target.errors()) {
            found.add(SafetyVerdict.Violation.blocking(name, error.message()));
        }
        if (target.blockedByReadOnly()) {
            // the words of the plan's note, so that a command showing both can tell it is one refusal
            found.add(SafetyVerdict.Violation.blocking(name, "target " + name
                    + " is readOnly: apply will refuse these changes"));
        }
        int live = target.liveObjects();
        if (live < MINIMUM_LIVE_OBJECTS) {
            return found;
        }
        Summary summary = target.summary();
        threshold(name, "deletes", summary.destroyed(), live, "maxDeletePercent",
                target.policy().maxDeletePercent()).ifPresent(found::add);
        threshold(name, "updates", summary.update(), live, "maxUpdatePercent",
                target.policy().maxUpdatePercent()).ifPresent(found::add);
        return found;
    }

    private static Optional<SafetyVerdict.Violation> threshold(String target, String verb, int count,
                                                                        int live, String setting, int percent) {
        // integer arithmetic: "above the limit" must not depend on rounding
        if ((long) count * 100 <= (long) percent * live) {
            return Optional.empty();
        }
        long shown = Math.round(count * 100.0 / live);
        return Optional.of(SafetyVerdict.Violation.threshold(target, "plan " + verb + " " + count + " of "
                + live + " live objects (" + shown + "%), above " + setting + " " + percent
                + "; use --force to apply anyway"));
    }
}
