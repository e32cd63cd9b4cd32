package dev.switchboard.apply;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The apply of one target.
 *
 * @param refusals why nothing was applied to this target (read-only, safety thresholds, plan errors);
 *                 empty when it was applied
 * @param results  one per change that calls the API, in plan order; empty when refused
 * @param journal  the journal written, when any change was attempted
 */
public record TargetApplyReport(String target, List<String> refusals, List<ChangeResult> results,
                                Optional<Path> journal) {

    public TargetApplyReport {
        refusals = List.copyOf(refusals);
        results = List.copyOf(results);
    }

    public static TargetApplyReport refused(String target, List<String> refusals) {
        return new TargetApplyReport(target, refusals, List.of(), Optional.empty());
    }

    public boolean succeeded() {
        return refusals.isEmpty() && results.stream().allMatch(r -> r.status() == ChangeResult.Status.APPLIED);
    }

    public long count(ChangeResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
