/**
 * The Esna Officelinx target system, all of it: {@link dev.switchboard.systems.officelinx.OfficelinxSystem}
 * (the plug-in), its kinds ({@link dev.switchboard.systems.officelinx.OfficelinxKinds}), the reader and
 * exporter of its resource files, and the provider that drives the Administrative REST API (seed document
 * {@code 000_d21a99793cecb84b.txt}) through Quarkus REST clients, with an OAuth2 token shared by all
 * calls, mapping its PascalCase records to and from the desired-state shape. Its simulator is in
 * {@code sim} below.
 *
 * <p>Depends on {@code model}, {@code desired}, {@code diff}, {@code provider}, {@code sim} and
 * {@code system}. The provider classes must not use the simulator (it is tested against them, not used
 * by them); no class may depend on another system, on {@code plan}, {@code apply}, {@code engine},
 * {@code cli} or {@code daemon}.
 */
package dev.switchboard.systems.officelinx;
