package dev.switchboard.cli;

import dev.switchboard.desired.ChangeWindows;
import dev.switchboard.engine.EngineSession;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.TargetPlan;
import java.io.PrintWriter;

/**
 * What {@code plan}, {@code apply} and {@code rollback} say of the change windows ({@code settings.windows}):
 * nothing when there are none, so that their output reads as it always has.
 */
final class ChangeWindowLines {

    private ChangeWindowLines() {
    }

    /** For {@code plan}: every target's window now, and when it next opens or closes. */
    static void state(EngineSession session, PrintWriter out) {
        if (!session.hasWindows()) {
            return;
        }
        out.println();
        out.println("Change windows:");
        for (String target : session.targets()) {
            out.println("  " + target + ": " + session.window(target).describe());
        }
        out.flush();
    }

    /** For {@code apply} and {@code rollback}, before the question: each target with changes that is outside its window. */
    static void print(EngineSession session, Plan plan, boolean overridden, PrintWriter out) {
        if (!session.hasWindows()) {
            return;
        }
        for (TargetPlan target : plan.targets()) {
            ChangeWindows.State window = session.window(target.target());
            if (target.apiChanges().isEmpty() || window.open()) {
                continue;
            }
            out.println();
            out.println(overridden ? "Target " + target.target() + " is outside its change window (" + window.describe()
                    + "): --override-window applies it all the same."
                    : EngineSession.outsideWindow(target.target(), window) + ": apply will refuse it.");
        }
        out.flush();
    }
}
