package dev.switchboard.daemon;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready}: up once a fetch and a plan of every target have succeeded (SPEC section 6),
 * and from then on even while Git or a server is unreachable, so that webhooks still reach the daemon;
 * the last error shows in its data, in the status and in the metrics. Liveness is SmallRye Health's
 * default: the process answers.
 */
@Readiness
@ApplicationScoped
public class DaemonHealth implements HealthCheck {

    private final StatusBoard board;

    public DaemonHealth(StatusBoard board) {
        this.board = board;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("switchboard-reconcile").status(board.ready());
        board.lastFetch().flatMap(StatusBoard.FetchStatus::commit).ifPresent(c -> response.withData("commit", c));
        board.lastError().ifPresent(e -> response.withData("lastError", e));
        if (!board.started()) {
            response.withData("lastError", "the daemon has not started");
        }
        return response.build();
    }
}
