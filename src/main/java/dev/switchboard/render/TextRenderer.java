package dev.switchboard.render;

import dev.switchboard.plan.SafetyVerdict;
import dev.switchboard.plan.Action;
import dev.switchboard.plan.Change;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.PlanError;
import dev.switchboard.plan.PlanWarning;
import dev.switchboard.plan.Summary;
import dev.switchboard.plan.TargetPlan;
import java.util.List;

/**
 * Terraform-like text: per target, {@code +} create (with the fields it sets), {@code ~} update
 * ({@code field: old -> new}), {@code -} delete, {@code -/+} replace (as an update), {@code ?} unmanaged; then errors, and the summary line
 * {@code Plan: 3 to create, 1 to update, 0 to delete, 2 unmanaged.}, or {@code No changes. ...} when an
 * apply would call no API. Colour (ANSI) only when the caller asks: the CLI decides from the terminal
 * and {@code NO_COLOR}.
 */
public final class TextRenderer implements PlanRenderer {

    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    public TextRenderer(boolean colour) {
        this.colour = colour;
    }

    @Override
    public String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        for (TargetPlan target : plan.targets()) {
            List<Change> shown = target.changes().stream().filter(ChangeLines::shown).toList();
            if (shown.isEmpty()) {
                continue;
            }
            out.append(bold("Target " + target.target() + ":")).append("\n\n");
            for (Change change : shown) {
                out.append("  ").append(paint(change.action(), ChangeLines.header(change))).append('\n');
                for (String line : ChangeLines.details(change)) {
                    out.append("      ").append(line).append('\n');
                }
            }
            if (target.blockedByReadOnly()) {
                out.append("\n  Note: target ").append(target.target())
                        .append(" is readOnly: apply will refuse these changes.\n");
            }
            out.append('\n');
        }
        for (PlanError error : plan.errors()) {
            out.append(paint(Action.DELETE, "Error:")).append(' ').append(error).append('\n');
        }
        if (plan.hasErrors()) {
            out.append('\n');
        }
        for (PlanWarning warning : plan.warnings()) {
            out.append(paint(Action.UPDATE, "Warning:")).append(' ').append(warning).append('\n');
        }
        if (!plan.warnings().isEmpty()) {
            out.append('\n');
        }
        SafetyVerdict gate = plan.gate();
        List<SafetyVerdict.Violation> thresholds = gate.refusals().stream()
                .filter(SafetyVerdict.Violation::overridable).toList();
        for (SafetyVerdict.Violation threshold : thresholds) {
            out.append(paint(Action.DELETE, "Apply would refuse:")).append(' ').append(threshold.message())
                   .append("\n");
        }
        for (SafetyVerdict.Violation threshold : gate.overridden()) {
            out.append(paint(Action.UPDATE, "Accepted:")).append(' ').append(threshold.message()).append(" (")
                    .append(plan.accepted().orElseThrow()).append(")\n");
        }
        if (!thresholds.isEmpty() || !gate.overridden().isEmpty()) {
            out.append('\n');
        }
        out.append(bold(ending(plan))).append('\n');
        int warnings = plan.warnings().size();
        if (warnings > 0) {
            out.append(warnings).append(warnings == 1 ? " warning" : " warnings").append(" (see above).\n");
        }
        return out.toString();
    }

    private static String ending(Plan plan) {
        Summary summary = plan.summary();
        if (summary.changesPresent()) {
            return ChangeLines.summary(summary);
        }
        String unmanaged = summary.unmanaged() == 0 ? ""
                : " " + summary.unmanaged() + " unmanaged object" + (summary.unmanaged() == 1 ? " is" : "s are")
                + " not declared in any file.";
        return ChangeLines.noChanges(plan) + unmanaged;
    }

    private String paint(Action action, String text) {
        if (!colour) {
            return text;
        }
        String code = switch (action) {
            case CREATE -> "\u001b[32m";
            case UPDATE -> "\u001b[33m";
            case DELETE -> "\u001b[31m";
            case REPLACE -> "\u001b[35m";
            case UNMANAGED -> "\u001b[36m";
            case NO_OP -> "";
        };
        return code + text + RESET;
    }

    private String bold(String text) {
        return colour ? "\u001b[1m" + text + RESET : text;
    }
}
