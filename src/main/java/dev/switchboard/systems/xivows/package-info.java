/**
 * The XiVO legacy web services ({@code json.php}, seed 004) as a target system, {@code kind: xivo-ws}:
 * {@link dev.switchboard.systems.xivows.XivoWsSystem} (the plug-in), its kinds and natural keys
 * ({@link dev.switchboard.systems.xivows.XivoWsKinds}), the reader and exporter of its resource files, and,
 * below, its provider ({@code provider}) and its simulator ({@code sim}).
 *
 * <p>Depends on the generic {@code model}, {@code desired}, {@code diff}, {@code provider}, {@code sim} and
 * {@code system} packages only; never on another system, nor on {@code plan}, {@code apply}, {@code engine},
 * {@code cli} or {@code daemon}.
 */
package dev.switchboard.systems.xivows;
