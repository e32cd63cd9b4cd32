/**
 * The picocli commands: parse options, call {@code engine} (or {@code desired} for validation and
 * schemas), print, and map outcomes to the exit codes of SPEC section 1 in one place.
 *
 * <p>Commands stay thin. Must not talk to providers, simulators or HTTP directly (only through
 * {@code engine}), and must not hold reconcile logic.
 */
package dev.switchboard.cli;
