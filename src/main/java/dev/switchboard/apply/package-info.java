/**
 * Carries out a plan through providers: dependency order, bounded parallelism, retries, ID resolution and a journal of every change. Depends on {@code model}, {@code plan} and the {@code provider} SPI.
 */
package dev.switchboard.apply;
