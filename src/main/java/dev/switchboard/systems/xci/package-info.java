/**
 * The XiVO Centralized Interface (XCI) REST API 1.0 target system, all of it:
 * {@link dev.switchboard.systems.xci.XciSystem} (the plug-in), its kinds
 * ({@link dev.switchboard.systems.xci.XciKinds}) and normalizers, the reader and exporter of its resource
 * files, and the provider: the REST client, the session cookie, the mapping between the API's JSON
 * (entities embedded, template and XiVO ids, combinedIds) and the desired-state shape, and one resource
 * type per kind. Its simulator is in {@code sim} below.
 *
 * <p>Depends on {@code model}, {@code desired}, {@code diff}, {@code provider}, {@code sim} and
 * {@code system}. The provider must work against a real XCI exactly as against the simulator, so it never
 * uses the simulator; no class may depend on another system, on {@code plan}, {@code apply},
 * {@code engine}, {@code cli} or {@code daemon}.
 */
package dev.switchboard.systems.xci;
