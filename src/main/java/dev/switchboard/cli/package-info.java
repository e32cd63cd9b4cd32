/**
 * The picocli commands: parse options, call {@code engine} (which also gives the installed target
 * systems and the loader of their files), print through {@code render}, and map outcomes to the exit codes of SPEC section 1 in one
 * place ({@link dev.switchboard.cli.ExitCodes}, {@link dev.switchboard.cli.CommandLineFactory}).
 *
 * <p>{@link dev.switchboard.cli.Main} is the process's entry point: it starts loading the classes the build
 * recorded on a thread of their own ({@code ClassPreloader}), then Quarkus, which runs the command line.
 *
 * <p>Commands stay thin. They must not talk to providers or HTTP directly (only through {@code engine});
 * {@code sim} alone starts the simulators itself, since serving them is all it does. No reconcile logic,
 * and no system's name: commands list and serve whatever {@link dev.switchboard.system.TargetSystems} has.
 */
package dev.switchboard.cli;
