/**
 * The target-system SPI: {@link dev.switchboard.system.TargetSystem}, which one package per system
 * under {@code dev.switchboard.systems} implements, and {@link dev.switchboard.system.TargetSystems},
 * through which the core finds the installed ones.
 *
 * <p>Depends on {@code model}, {@code desired}, {@code diff}, {@code provider} and {@code sim} (the
 * generic parts a system plugs into) and CDI. Must not depend on {@code systems..}, {@code plan},
 * {@code apply}, {@code engine}, {@code cli} or {@code daemon}.
 */
package dev.switchboard.system;
