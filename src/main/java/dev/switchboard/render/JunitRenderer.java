package dev.switchboard.render;

import dev.switchboard.plan.Action;
import dev.switchboard.plan.Change;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.PlanError;
import dev.switchboard.plan.TargetPlan;
import java.util.List;

/**
 * A drift report as JUnit XML, for CI systems that show test results: a {@code <testsuite>} per
 * target, a {@code <testcase>} per object (classname {@code target.kind}, name the natural key), a
 * {@code <failure>} for every object an apply would change (create, update, delete: SPEC's "changes
 * present"), and an {@code <error>} for every object the plan cannot handle. Unmanaged objects pass,
 * with a note in {@code <system-out>}: they are reported, not drift.
 */
public final class JunitRenderer implements PlanRenderer {

    @Override
    public String render(Plan plan) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"switchboard drift\" tests=\"").append(plan.changes().size() + targetWide(plan.errors()))
                .append("\" failures=\"").append(failures(plan.changes())).append("\" errors=\"")
                .append(plan.errors().size()).append("\">\n");
        for (TargetPlan target : plan.targets()) {
            out.append("  <testsuite name=\"").append(xml(target.target())).append("\" tests=\"")
                    .append(target.changes().size() + targetWide(target.errors())).append("\" failures=\"").append(failures(target.changes()))
                    .append("\" errors=\"").append(target.errors().size()).append("\">\n");
            for (PlanError error : target.errors().stream().filter(PlanError::targetWide).toList()) {
                // The target itself could not be checked: a test case of its own that errs.
                out.append("    <testcase classname=\"").append(xml(target.target())).append("\" name=\"live state\">\n")
                        .append("      <error type=\"").append(error.reason().name()).append("\" message=\"")
                        .append(xml(error.message())).append("\"/>\n    </testcase>\n");
            }
            for (Change change : target.changes()) {
                testcase(out, change, target.errors().stream().filter(e -> e.key().equals(change.key())).toList());
            }
            out.append("  </testsuite>\n");
        }
        return out.append("</testsuites>\n").toString();
    }

    private static void testcase(StringBuilder out, Change change, List<PlanError> errors) {
        out.append("    <testcase classname=\"").append(xml(change.target() + "." + change.kind().name()))
                .append("\" name=\"").append(xml(change.key().path())).append('"');
        if (!change.callsApi() && errors.isEmpty() && change.action() != Action.UNMANAGED) {
            out.append("/>\n");
            return;
        }
        out.append(">\n");
        if (change.callsApi()) {
            out.append("      <failure type=\"").append(change.action().json()).append("\" message=\"")
                    .append(xml(change.key() + " would be " + past(change.action()) + ": " + change.reason()))
                    .append('"');
            List<String> details = ChangeLines.details(change);
            if (details.isEmpty()) {
                out.append("/>\n");
            } else {
                // line breaks stay literal in element text, where they are readable; attributes need &#10;
                out.append('>').append(xml(String.join("\n", details)).replace("&#10;", "\n")).append("</failure>\n");
            }
        }
        for (PlanError error : errors) {
            out.append("      <error type=\"").append(error.reason().name()).append("\" message=\"")
                    .append(xml(error.message())).append("\"/>\n");
        }
        if (change.action() == Action.UNMANAGED) {
            out.append("      <system-out>").append(xml("unmanaged: " + change.reason())).append("</system-out>\n");
        }
        out.append("    </testcase>\n");
    }

    private static String past(Action action) {
        return switch (action) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case DELETE -> "deleted";
            case REPLACE -> "replaced";
            default -> action.json();
        };
    }

    private static long targetWide(List<PlanError> errors) {
        return errors.stream().filter(PlanError::targetWide).count();
    }

    private static long failures(List<Change> changes) {
        return changes.stream().filter(Change::callsApi).count();
    }

    private static String xml(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                case '\n' -> escaped.append("&#10;");
                default -> {
                    // XML 1.0 has no way to write other control characters
                    if (c >= 0x20 || c == '\t' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
