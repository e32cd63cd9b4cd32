package dev.switchboard.render;

import dev.switchboard.diff.FieldDiff;
import dev.switchboard.plan.Action;
import dev.switchboard.plan.Change;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.Summary;
import dev.switchboard.plan.TargetPlan;
import java.util.ArrayList;
import java.util.List;

/** The lines text-like renderers show for one change, without indentation or colour. */
final class ChangeLines {

    private ChangeLines() {
    }

    /** {@code + mailbox Acme/1002}, with the reason for deletes and unmanaged objects. */
    static String header(Change change) {
        String line = change.action().symbol() + " " + change.key() + renamed(change);
        if (change.action() == Action.DELETE || change.action() == Action.UNMANAGED || change.action() == Action.REPLACE) {
            line += "  # " + change.reason();
        }
        return line;
    }

    /** {@code  (renamed from Acme)}: the key the server has the object under, when the plan renames it. */
    static String renamed(Change change) {
        return change.renamedFrom().map(old -> " (renamed from " + old.path() + ")").orElse("");
    }

    /** A create's ID and fields, an update's {@code field: old -> new}; nothing for the others. */
    static List<String> details(Change change) {
        List<String> lines = new ArrayList<>();
        switch (change.action()) {
            case CREATE -> {
                lines.add("id: " + Values.KNOWN_AFTER_APPLY);
                for (FieldDiff field : change.fields()) {
                    lines.add(field.field() + ": " + Values.side(field.after(), field.sensitive()));
                }
            }
            case UPDATE, REPLACE -> {
                for (FieldDiff field : change.fields()) {
                    lines.add(field.field() + ": " + Values.change(field));
                }
            }
            default -> {
            }
        }
        return lines;
    }

    /**
     * {@code Plan: 3 to create, 1 to update, 0 to delete, 2 unmanaged.}, with {@code , 1 to replace} before the
     * unmanaged count when a plan replaces objects.
     */
    static String summary(Summary summary) {
        return "Plan: " + summary.create() + " to create, " + summary.update() + " to update, "
                + summary.delete() + " to delete, " + (summary.replace() > 0 ? summary.replace() + " to replace, " : "")
                + summary.unmanaged() + " unmanaged.";
    }

    /**
     * The ending of a plan with no change: that live state matches the desired state only when every target's live
     * state was read. A target that could not be read (its error is above) was not compared, and a plan that read
     * none compared nothing.
     */
    static String noChanges(Plan plan) {
        long unreadable = plan.targets().stream().filter(TargetPlan::liveStateUnread).count();
        if (unreadable == 0) {
            return "No changes. Live state matches the desired state.";
        }
        long read = plan.targets().size() - unreadable;
        if (read == 0) {
            return "Nothing planned: the live state of no target could be read (see the errors above).";
        }
        return "No changes in the " + read + (read == 1 ? " target" : " targets") + " read; the live state of "
                + unreadable + (unreadable == 1 ? " target" : " targets") + " could not be read (see the errors above).";
    }

    /** Whether a change is worth showing in a plan: everything but no-ops. */
    static boolean shown(Change change) {
        return change.action() != Action.NO_OP;
    }
}
