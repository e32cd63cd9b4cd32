/**
 * Pairs desired and live objects of one target by natural key and compares their declared fields
 * through per-kind {@link dev.switchboard.diff.Normalizer}s, which the target systems contribute
 * ({@link dev.switchboard.diff.NormalizerRegistry} holds them; it names no system).
 *
 * <p>Pure: depends on {@code model} and the JDK only; must not depend on Quarkus, CDI, HTTP, JGit or
 * any other Switchboard package ({@code provider}, {@code plan}, {@code engine}, ...). Never reveals a
 * {@link dev.switchboard.model.Secret}: secrets are compared with {@code Secret.equals}.
 */
package dev.switchboard.diff;
