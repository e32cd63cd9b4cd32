package dev.switchboard.apply;

import java.util.List;

/** What an apply did, target by target: exit 0 when every target succeeded, 1 otherwise. */
public record ApplyReport(List<TargetApplyReport> targets) {

    public ApplyReport {
        targets = List.copyOf(targets);
    }

    public boolean succeeded() {
        return targets.stream().allMatch(TargetApplyReport::succeeded);
    }

    public long count(ChangeResult.Status status) {
        return targets.stream().mapToLong(t -> t.count(status)).sum();
    }
}
