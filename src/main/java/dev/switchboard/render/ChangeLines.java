package dev.switchboard.render;

import dev.switchboard.diff.FieldDiff;
import dev.switchboard.plan.Action;
import dev.switchboard.plan.Change;
import dev.switchboard.plan.Summary;
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

    /** Whether a change is worth showing in a plan: everything but no-ops. */
    static boolean shown(Change change) {
        return change.action() != Action.NO_OP;
    }
}
