package dev.switchboard.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints that make the daemon act, each authenticated: {@code POST /api/v1/webhook/git} by the
 * HMAC-SHA256 signature of its body ({@code X-Hub-Signature-256}, as GitHub and Gitea send it) or by
 * GitLab's {@code X-Gitlab-Token} equal to the secret (compared in constant time), and
 * {@code POST /api/v1/reconcile} by a bearer token. Both only queue a reconcile; they never carry desired
 * state, which always comes from Git.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TriggerResource {

    /** SPEC section 6: larger webhook bodies are refused with 413. */
    static final int MAX_WEBHOOK_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Daemon daemon;

    public TriggerResource(Daemon daemon) {
        this.daemon = daemon;
    }

    @POST
    @Path("/webhook/git")
    public Response webhook(@HeaderParam("X-Hub-Signature-256") String signature,
                            @HeaderParam("X-Gitlab-Token") String gitlabToken, byte[] body) {
        if (body != null && body.length > MAX_WEBHOOK_BYTES) {
            return answer(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the body is over 1 MiB");
        }
        byte[] payload = body == null ? new byte[0] : body;
        Optional<SharedSecret> secret = daemon.webhookSecret();
        // GitHub and Gitea sign the body; GitLab sends the secret itself. A signature, when sent, decides.
        boolean authentic = secret.isPresent() && (signature != null ? secret.get().signed(payload, signature)
                : gitlabToken != null && secret.get().matches(gitlabToken));
        if (!authentic) {
            return answer(Response.Status.UNAUTHORIZED, secret.isEmpty()
                    ? "no webhook secret is configured (SWITCHBOARD_WEBHOOK_SECRET)"
                    : signature != null ? "X-Hub-Signature-256 is not the HMAC-SHA256 of the body"
                    : gitlabToken != null ? "X-Gitlab-Token is not the webhook secret"
                    : "send X-Hub-Signature-256 (GitHub, Gitea) or X-Gitlab-Token (GitLab)");
        }
        Optional<String> ref = pushedRef(payload);
        Optional<String> branch = daemon.branch();
        if (ref.isPresent() && branch.isPresent() && !ref.get().equals("refs/heads/" + branch.get())) {
            return answer(Response.Status.ACCEPTED, "ignored: a push to " + ref.get() + ", not to " + branch.get());
        }
        return queued(daemon.trigger(Daemon.Trigger.WEBHOOK));
    }

    @POST
    @Path("/reconcile")
    public Response reconcile(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<SharedSecret> token = daemon.apiToken();
        String prefix = "Bearer ";
        if (token.isEmpty() || authorization == null || !authorization.startsWith(prefix)
                || !token.get().matches(authorization.substring(prefix.length()).trim())) {
            return Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .entity(Map.of("message", token.isEmpty()
                            ? "no API token is configured (SWITCHBOARD_API_TOKEN)"
                            : "send Authorization: Bearer <SWITCHBOARD_API_TOKEN>"))
                    .build();
        }
        return queued(daemon.trigger(Daemon.Trigger.MANUAL));
    }

    private static Response queued(boolean accepted) {
        return accepted ? answer(Response.Status.ACCEPTED, "reconcile queued")
                : answer(Response.Status.SERVICE_UNAVAILABLE, "the daemon is not running");
    }

    private static Response answer(Response.Status status, String message) {
        return Response.status(status).entity(Map.of("message", message)).build();
    }

    private static Optional<String> pushedRef(byte[] payload) {
        try {
            JsonNode ref = JSON.readTree(payload).path("ref");
            return ref.isTextual() ? Optional.of(ref.asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
