package dev.switchboard.daemon;

import dev.switchboard.render.JsonRenderer;
import dev.switchboard.render.MarkdownRenderer;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The read-only endpoints: {@code GET /api/v1/status} (per target: commit, result, drift, error, next run)
 * and {@code GET /api/v1/drift} (the latest plans as the {@code json} or {@code markdown} report). They
 * show what Git and the servers already hold, secrets masked, and change nothing, so they need no token.
 */
@Path("/api/v1")
public class ReportResource {

    private final StatusBoard board;

    public ReportResource(StatusBoard board) {
        this.board = board;
    }

    @GET
    @Path("/status")
    @Produces(MediaType.APPLICATION_JSON)
    public StatusBoard.Status status() {
        return board.status();
    }

    @GET
    @Path("/drift")
    public Response drift(@QueryParam("format") @DefaultValue("json") String format) {
        return switch (format) {
            case "json" -> Response.ok(new JsonRenderer().render(board.latestPlan()), MediaType.APPLICATION_JSON).build();
            case "markdown" -> Response.ok(new MarkdownRenderer().render(board.latestPlan()), "text/markdown").build();
            default -> throw new BadRequestException("format is json or markdown, not " + format);
        };
    }
}
