/**
 * The only place that composes the pipeline: open a {@link dev.switchboard.engine.Connection} to each
 * target (its provider and, for {@code url: embedded}, its simulator), fetch live state, pair, diff, plan,
 * gate, apply. Commands and the daemon call the engine, nothing below it.
 *
 * <p>Which systems exist it learns from {@link dev.switchboard.system.TargetSystems} alone: it never names
 * one. Depends on {@code system}, {@code desired}, {@code diff}, {@code plan}, {@code apply}, the
 * {@code provider} SPI and {@code sim}. Must not depend on {@code systems..}, {@code cli}, {@code daemon} or
 * {@code render}.
 */
package dev.switchboard.engine;
