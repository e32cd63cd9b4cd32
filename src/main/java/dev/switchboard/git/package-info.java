/**
 * The daemon's Git workspace: clone once, fetch a branch, check a commit out into a directory of its own. Depends on JGit only.
 */
package dev.switchboard.git;
