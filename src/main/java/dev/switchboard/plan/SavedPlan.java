package dev.switchboard.plan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan saved by {@code plan --out} for a later {@code apply PLANFILE}, with what it was computed from.
 * Written and read by {@link PlanFile}; holds no secret value (see there).
 *
 * @param createdAt when the plan was computed
 * @param revision  the desired-state revision it was computed from, such as a Git commit; empty when
 *                  the directory is not under version control
 * @param configDir the desired-state directory, absolute: the apply re-resolves secret references
 *                  ({@code ${file:PATH}} is relative to it)
 */
public record SavedPlan(Instant createdAt, Optional<String> revision, Path configDir, Plan plan) {

    public SavedPlan {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(plan, "plan");
    }

    public int formatVersion() {
        return plan.formatVersion();
    }
}
