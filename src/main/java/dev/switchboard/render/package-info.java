/**
 * Renders a {@link dev.switchboard.plan.Plan} (a plan, or a drift report, which is a plan that is never
 * applied) as text, JSON, Markdown or JUnit XML. Each renderer is a {@link dev.switchboard.render.PlanRenderer};
 * the CLI and the daemon pick one.
 *
 * <p>Pure: depends on {@code model}, {@code diff}, {@code plan}, Jackson and the JDK only; must not depend
 * on Quarkus, CDI, HTTP, JGit, {@code provider}, {@code engine} or {@code cli}. Never prints a secret's
 * value: every sensitive value is {@code (sensitive)}, and a changed secret shows only that it changes.
 */
package dev.switchboard.render;
