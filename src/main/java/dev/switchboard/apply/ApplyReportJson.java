package dev.switchboard.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.plan.Change;

/**
 * {@code apply -o json}: what an apply did, for scripts.
 *
 * <pre>
 * {"succeeded": false,
 *  "summary": {"applied": 3, "failed": 1, "skipped": 1, "unconfirmed": 0, "refusedTargets": 0},
 *  "targets": [{"target": "olx-main", "succeeded": false, "refusals": [], "journal": ".switchboard/journal/..." | null,
 *    "applied": 3, "failed": 1, "skipped": 1, "unconfirmed": 0,
 *    "changes": [{"action": "create", "kind": "mailbox", "key": "Acme/1004", "status": "applied" | "failed" |
 *      "skipped" | "unconfirmed", "message": "..." | null, "note": "..." | null}]}]}
 * </pre>
 * Keys, kinds and actions are spelled as in {@code plan -o json}. No field value is written, so no secret.
 */
public final class ApplyReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ApplyReportJson() {
    }

    public static String render(ApplyReport report) {
        ObjectNode root = JSON.createObjectNode().put("succeeded", report.succeeded());
        ObjectNode summary = root.putObject("summary");
        counts(summary, report.count(ChangeResult.Status.APPLIED), report.count(ChangeResult.Status.FAILED),
                report.count(ChangeResult.Status.SKIPPED), report.count(ChangeResult.Status.UNCONFIRMED));
        summary.put("refusedTargets", report.targets().stream().filter(t -> !t.refusals().isEmpty()).count());
        for (TargetApplyReport target : report.targets()) {
            ObjectNode node = root.withArray("targets").addObject().put("target", target.target())
                    .put("succeeded", target.succeeded());
            target.refusals().forEach(node.putArray("refusals")::add);
            if (target.refusals().isEmpty()) {
                node.putArray("refusals");
            }
            node.put("journal", target.journal().map(Object::toString).orElse(null));
            counts(node, target.count(ChangeResult.Status.APPLIED), target.count(ChangeResult.Status.FAILED),
                    target.count(ChangeResult.Status.SKIPPED), target.count(ChangeResult.Status.UNCONFIRMED));
            var changes = node.putArray("changes");
            for (ChangeResult result : target.results()) {
                Change change = result.change();
                changes.addObject().put("action", change.action().json()).put("kind", change.kind().name())
                        .put("key", change.key().path())
                        .put("status", result.status().name().toLowerCase(java.util.Locale.ROOT))
                        .put("message", result.message().orElse(null)).put("note", result.note().orElse(null));
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an apply report", e);
        }
    }

    private static void counts(ObjectNode node, long applied, long failed, long skipped, long unconfirmed) {
        node.put("applied", applied).put("failed", failed).put("skipped", skipped).put("unconfirmed", unconfirmed);
    }
}
