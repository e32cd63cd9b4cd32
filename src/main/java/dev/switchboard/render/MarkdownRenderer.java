package dev.switchboard.render;

import dev.switchboard.plan.SafetyVerdict;
import dev.switchboard.plan.Change;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.PlanError;
import dev.switchboard.plan.PlanWarning;
import dev.switchboard.plan.Summary;
import dev.switchboard.plan.TargetPlan;
import java.util.List;

/**
 * The plan as a pull-request comment (GitHub-flavoured Markdown): a heading, a summary table with a
 * row per target, then per target with anything to show a collapsible {@code <details>} section
 * holding the text plan in a {@code diff} block (so {@code +} and {@code -} lines are coloured), then
 * errors and the summary line.
 */
public final class MarkdownRenderer implements PlanRenderer {

    private final String heading;

    /** A plan's comment, headed "Switchboard plan". */
    public MarkdownRenderer() {
        this("plan");
    }

    /** @param report what the document is, for its heading: {@code plan} or {@code drift} */
    public MarkdownRenderer(String report) {
        this.heading = "### Switchboard " + report + "\n\n";
    }

    @Override
    public String render(Plan plan) {
        StringBuilder out = new StringBuilder(heading);
        out.append("| target | create | update | delete | replace | unmanaged |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (TargetPlan target : plan.targets()) {
            Summary s = target.summary();
            out.append("| ").append(cell(target.target())).append(" | ").append(s.create()).append(" | ")
                    .append(s.update()).append(" | ").append(s.delete()).append(" | ").append(s.replace())
                    .append(" | ").append(s.unmanaged())
                    .append(" |\n");
        }
        out.append('\n');
        for (TargetPlan target : plan.targets()) {
            List<Change> shown = target.changes().stream().filter(ChangeLines::shown).toList();
            if (shown.isEmpty()) {
                continue;
            }
            Summary s = target.summary();
            out.append("<details><summary><b>").append(html(target.target())).append("</b>: ").append(s.create())
                    .append(" to create, ").append(s.update()).append(" to update, ").append(s.delete())
                    .append(" to delete, ").append(s.replace() > 0 ? s.replace() + " to replace, " : "")
                    .append(s.unmanaged()).append(" unmanaged</summary>\n\n");
            StringBuilder block = new StringBuilder();
            for (Change change : shown) {
                block.append(ChangeLines.header(change)).append('\n');
                for (String line : ChangeLines.details(change)) {
                    block.append("      ").append(line).append('\n');
                }
            }
            String fence = fenceFor(block.toString());
            out.append(fence).append("diff\n").append(block).append(fence).append("\n\n");
            if (target.blockedByReadOnly()) {
                out.append("Target ").append(cell(target.target()))
                        .append(" is readOnly: apply will refuse these changes.\n\n");
            }
            out.append("</details>\n\n");
        }
        if (plan.hasErrors()) {
            out.append("**Errors**\n\n");
            for (PlanError error : plan.errors()) {
                out.append("- ").append(cell(error.toString())).append('\n');
            }
            out.append('\n');
        }
        if (!plan.warnings().isEmpty()) {
            out.append("**Warnings**\n\n");
            for (PlanWarning warning : plan.warnings()) {
                out.append("- ").append(cell(warning.toString())).append('\n');
            }
            out.append('\n');
        }
        SafetyVerdict gate = plan.gate();
        for (SafetyVerdict.Violation threshold : gate.refusals()) {
            if (threshold.overridable()) {
                out.append("> **Apply would refuse:** ").append(cell(threshold.message())).append("\n\n");
            }
        }
        for (SafetyVerdict.Violation threshold : gate.overridden()) {
            out.append("> **Accepted:** ").append(cell(threshold.message())).append(" (")
                    .append(cell(plan.accepted().orElseThrow().toString())).append(")\n\n");
        }
        Summary total = plan.summary();
        out.append("**").append(total.changesPresent() ? ChangeLines.summary(total)
                : ChangeLines.noChanges(plan)).append("**\n");
        return out.toString();
    }

    /** A fence longer than any run of backticks inside, so no value can close the block early. */
    private static String fenceFor(String content) {
        int longest = 0;
        int run = 0;
        for (char c : content.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    private static String cell(String text) {
        return html(text).replace("|", "\\|").replace("\n", " ");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
