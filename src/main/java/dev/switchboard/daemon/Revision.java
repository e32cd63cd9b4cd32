package dev.switchboard.daemon;

import java.nio.file.Path;

/**
 * The desired state one reconcile works on.
 *
 * @param commit  the Git commit id, or {@link #NO_COMMIT} for a local directory outside Git
 * @param dir     the directory holding {@code switchboard.yaml} at that commit
 * @param message the commit's first line, empty when there is none
 */
public record Revision(String commit, Path dir, String message) {

    public static final String NO_COMMIT = "none";
}
