/**
 * The plan as data: {@link dev.switchboard.plan.Planner} turns one target's desired and live objects
 * (and its {@link dev.switchboard.plan.TargetCapabilities}, plain data the engine derives from the
 * provider) into {@link dev.switchboard.plan.Change}s with an {@link dev.switchboard.plan.Action}, in the
 * one documented {@link dev.switchboard.plan.ChangeOrder}, with a {@link dev.switchboard.plan.DependencyGraph}
 * for the apply executor, {@link dev.switchboard.plan.SafetyPolicy} for the gate before it, and the
 * saved-plan format.
 *
 * <p>Pure: depends on {@code model}, {@code diff}, Jackson and the JDK only; must not depend on Quarkus,
 * CDI, HTTP, JGit, {@code provider}, {@code engine}, {@code apply} or {@code cli}.
 */
package dev.switchboard.plan;
