package dev.switchboard.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * That a person accepted a plan whose deletes or updates exceed a target's percentage thresholds
 * ({@code plan --force}): written into the saved plan, under its checksum, so that {@code apply PLANFILE}
 * of exactly that plan needs no {@code --force}. It never overrides a blocker (readOnly, protect, what the
 * API cannot do), and the apply re-checks the plan against the servers and the desired state as for any
 * saved plan, so the acceptance covers only the changes that were reviewed.
 *
 * @param by who ran {@code plan --force}: {@code user@host}
 * @param at when
 */
public record Acceptance(String by, Instant at) {

    public Acceptance {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        return "accepted with --force by " + by + " at " + at;
    }
}
