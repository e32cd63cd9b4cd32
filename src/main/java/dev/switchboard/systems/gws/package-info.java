/**
 * Genesys Web Services 8.5 API v2 as a Switchboard target system ({@code kind: gws}): its kind
 * ({@code user}), resource files, provider (HTTP Basic, {@code statusCode} answers, asynchronous writes
 * confirmed by reading back) and simulator.
 *
 * <p>May depend on the generic packages ({@code model}, {@code desired}, {@code diff}, {@code provider},
 * {@code sim}, {@code system}); never on another system's package.
 */
package dev.switchboard.systems.gws;
