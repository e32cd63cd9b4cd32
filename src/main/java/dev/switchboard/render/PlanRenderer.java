package dev.switchboard.render;

import dev.switchboard.plan.Plan;

/** Turns a plan into one output format. Renderers hold no state between calls. */
@FunctionalInterface
public interface PlanRenderer {

    /** The whole document, ending with a newline. */
    String render(Plan plan);
}
