/**
 * Git for Switchboard: the daemon's {@link dev.switchboard.git.GitWorkspace} (clone once, fetch a branch,
 * check each commit out into a directory of its own) and {@link dev.switchboard.git.GitRevision}, the
 * commit a desired-state directory is at, for saved plans and reports.
 *
 * <p>Depends on JGit only. Must not depend on any other Switchboard package.
 */
package dev.switchboard.git;
