/**
 * The sipXconfig user REST API target system (seed 001): {@link dev.switchboard.systems.sipxconfig.SipxconfigSystem}
 * (the plug-in), its kinds ({@link dev.switchboard.systems.sipxconfig.SipxconfigKinds}), the reader and exporter of
 * its resource files and of its targets' {@code users}. The provider is in {@code provider} below, the simulator
 * in {@code sim}.
 *
 * <p>Depends on {@code model}, {@code desired}, {@code provider}, {@code sim} and {@code system}; no class may
 * depend on another system, on {@code plan}, {@code apply}, {@code engine}, {@code cli} or {@code daemon}.
 */
package dev.switchboard.systems.sipxconfig;
