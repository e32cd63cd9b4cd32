/**
 * The Officelinx provider: drives the Administrative REST API (seed document
 * {@code 000_d21a99793cecb84b.txt}) through Quarkus REST clients, with an OAuth2 token shared by
 * all calls, and maps its PascalCase records to and from the desired-state shape of
 * {@link dev.switchboard.systems.officelinx.OfficelinxKinds}.
 *
 * <p>Depends on {@code model} and {@code provider} only. Must not depend on {@code sim} (the simulator
 * is tested against this provider, not used by it), {@code diff}, {@code plan}, {@code apply},
 * {@code engine} or {@code cli}.
 */
package dev.switchboard.systems.officelinx;
