package dev.switchboard.daemon;

import dev.switchboard.plan.Plan;
import dev.switchboard.plan.Summary;
import dev.switchboard.render.TextRenderer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /}: the read-only status page (SPEC section 6), server-rendered HTML with no script: every
 * target with its result, commit, drift by kind, last error and next run, and below, each target's latest
 * plan as {@code switchboard plan} prints it. It shows what {@code /api/v1/status} and {@code /api/v1/drift}
 * show, so nothing a secret: the plans mask secret values, and the template (Qute, {@code .html}) escapes
 * every value it inserts. It changes nothing and needs no token; a reload shows the daemon's state then.
 */
@Path("/")
public class StatusPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance status(Page page);
    }

    /** What the page shows, already worded: the template only places it. */
    @TemplateData
    public record Page(String source, String mode, boolean ready, String lastFetch, Optional<String> fetchError,
                       Optional<String> lastError, String nextRun, List<Row> targets, String generated) {
    }

    /** One target: its row in the table and its plan below. */
    @TemplateData
    public record Row(String name, String result, String commit, String shortCommit, int driftCount,
                      List<KindCount> drift, String lastPlan, String lastRun, Optional<String> lastError,
                      String nextRun, Optional<String> plan) {
    }

    @TemplateData
    public record KindCount(String kind, int count) {
    }

    private final StatusBoard board;

    public StatusPage(StatusBoard board) {
        this.board = board;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        return Templates.status(page(board)).render();
    }

    static Page page(StatusBoard board) {
        StatusBoard.Status status = board.status();
        TextRenderer text = new TextRenderer(false);
        List<Row> rows = status.targets().stream().map(t -> new Row(t.name(), t.result(), t.commit(),
                t.commit().length() > 12 ? t.commit().substring(0, 12) : t.commit(), t.driftCount(),
                t.drift().entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> new KindCount(e.getKey(), e.getValue())).toList(),
                t.lastPlan().map(StatusPage::counts).orElse(""), t.lastRun().map(StatusPage::time).orElse("never"),
                t.lastError(), t.suspended() ? "suspended" : t.nextRun().map(StatusPage::time).orElse("not scheduled"),
                board.latestPlan(t.name()).map(plan -> text.render(Plan.of(List.of(plan)))))).toList();
        String lastFetch = status.lastFetch().map(f -> time(f.time()) + f.commit().map(c -> ", commit " + c).orElse("")
                + f.message().map(m -> " (" + m + ")").orElse("")).orElse("not yet");
        return new Page(status.source(), status.mode(), status.ready(), lastFetch,
                status.lastFetch().flatMap(StatusBoard.FetchStatus::error), status.lastError(),
                status.nextRun().map(StatusPage::time).orElse("not scheduled"), rows, time(Instant.now()));
    }

    private static String counts(Summary summary) {
        return summary.create() + " to add, " + summary.update() + " to change, " + summary.delete() + " to destroy";
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
