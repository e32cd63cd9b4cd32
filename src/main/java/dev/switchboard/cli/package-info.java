/**
 * The picocli commands: parse options, call {@code engine} (or {@code desired} for validation, schemas
 * and exports), print through {@code render}, and map outcomes to the exit codes of SPEC section 1 in one
 * place ({@link dev.switchboard.cli.ExitCodes}, {@link dev.switchboard.cli.CommandLineFactory}).
 *
 * <p>Commands stay thin. They must not talk to providers or HTTP directly (only through {@code engine});
 * {@code sim} alone starts the simulators itself, since serving them is all it does. No reconcile logic.
 */
package dev.switchboard.cli;
