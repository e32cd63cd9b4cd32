/**
 * The XiVO Centralized Interface (XCI) REST API 1.0 provider: the REST client, the session cookie,
 * the mapping between the API's JSON (entities embedded, template and XiVO ids, combinedIds) and the
 * desired-state shape of {@link dev.switchboard.systems.xci.XciKinds}, and one resource type per kind.
 *
 * <p>Depends on {@code model} and {@code provider} only. Must not depend on {@code sim} (it must work
 * against a real XCI exactly as against the simulator), nor on {@code diff}, {@code plan},
 * {@code apply}, {@code engine} or {@code cli}.
 */
package dev.switchboard.systems.xci;
