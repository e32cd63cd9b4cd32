/**
 * The plan as data: changes with their actions, order and safety verdicts, and the saved-plan format. Pure: depends on {@code model} and {@code diff} only; no Quarkus, CDI, HTTP or JGit.
 */
package dev.switchboard.plan;
