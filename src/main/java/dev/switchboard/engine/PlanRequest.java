package dev.switchboard.engine;

import dev.switchboard.model.KeyPattern;
import java.util.List;
import java.util.Set;

/**
 * What to plan.
 *
 * @param targets        the targets to plan; empty for every target
 * @param only           restrict the plan to these kinds or objects; empty for everything
 * @param replaceSecrets plan updates of write-only fields (passwords) even though they cannot be compared
 */
public record PlanRequest(Set<String> targets, List<KeyPattern> only, boolean replaceSecrets) {

    public static final PlanRequest EVERYTHING = new PlanRequest(Set.of(), List.of(), false);

    public PlanRequest {
        targets = Set.copyOf(targets);
        only = List.copyOf(only);
    }
}
