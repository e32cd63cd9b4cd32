package dev.switchboard.systems.gws.provider;

import static dev.switchboard.provider.ParallelReads.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.ApiCaller;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.ApiRequest;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.RetryPolicy;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Every GWS call Switchboard makes, run through {@link ApiCaller} (transport retries, metrics, errors
 * naming target, object, method, path and status), then through the {@code statusCode} every answer
 * carries: a non-zero code is a {@link ProviderException} naming the code and its meaning from the GWS
 * table, whether it came with a matching HTTP status or with 200. Codes after which the table says the
 * data was left unchanged (an internal error, "unable to ...") are tried again like idempotent failures;
 * codes after which data may have changed (partial success, processing incomplete) are outcome unknown.
 *
 * <p>No URL longer than {@link #MAX_URL_LENGTH} characters is ever sent: searches for many user names
 * are split, and a single call that would exceed it fails before sending.
 */
final class GwsClient {

    static final String ROOT = "/api/v2";
    /** The document: "Ensure that the entire URL request does not exceed 2000 characters." */
    static final int MAX_URL_LENGTH = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String target;
    private final GwsApi api;
    private final URI baseUri;
    private final RetryPolicy policy;
    private final ApiObserver observer;
    private final ApiCaller.Sleeper sleeper;
    private final int parallelism;
    private final TargetSpec.Timeouts timeouts;
    /** Whether this server refused PUT for updates (405), so that POST, the other documented verb, is used. */
    private volatile boolean updateWithPost;

    /**
     * @param parallelism how many users are read at once when a list answers only their URIs
     * @param timeouts    the target's {@code timeouts}: no retry of a call starts after {@code timeouts.call}
     */
    GwsClient(String target, GwsApi api, URI baseUri, RetryPolicy policy, ApiObserver observer,
              ApiCaller.Sleeper sleeper, int parallelism, TargetSpec.Timeouts timeouts) {
        this.parallelism = parallelism;
        this.timeouts = timeouts;
        this.target = target;
        this.api = api;
        this.baseUri = baseUri;
        this.policy = policy;
        this.observer = observer;
        this.sleeper = sleeper;
    }

    // ---- calls

    /** The GWS version ({@code 8.5.200.50}); needs no authentication. */
    String version() {
        return call("GET", "/diagnostics/version", Optional.empty(), false, api::version).path("version").asText("");
    }

    /** The user Switchboard authenticates as. */
    JsonNode me() {
        return call("GET", "/me", Optional.empty(), false, api::me).path("user");
    }

    /** Every user, whole ({@code fields=*}). */
    List<JsonNode> listUsers() {
        return users(call("GET", "/users?fields=*", Optional.empty(), false, () -> api.listUsers("*", null)));
    }

    /**
     * The users with these names, in as many searches as the URL limit needs. Only exact matches are
     * returned, whether or not the server applied the filter.
     */
    List<JsonNode> findUsers(Collection<String> userNames, Optional<ResourceKey> about) {
        List<JsonNode> found = new ArrayList<>();
        for (List<String> batch : batches(userNames)) {
            String names = String.join(",", batch);
            JsonNode answer = call("GET", "/users?fields=*&userName=" + encode(names), about, false,
                    () -> api.listUsers("*", names));
            for (JsonNode user : users(answer)) {
                if (batch.contains(user.path("userName").asText())) {
                    found.add(user);
                }
            }
        }
        return found;
    }

    /** The user, or empty when the server says there is none (HTTP 404 or {@code statusCode 6}). */
    Optional<JsonNode> getUser(String id, ResourceKey about) {
        return getUser(id, Optional.of(about));
    }

    private Optional<JsonNode> getUser(String id, Optional<ResourceKey> about) {
        JsonNode answer = call("GET", "/users/" + id, about, true, () -> api.getUser(id));
        return answer.isMissingNode() ? Optional.empty() : Optional.of(answer.path("user"));
    }

    /** @return the answer: {@code id}, {@code path}, {@code uri} of the user to be */
    JsonNode createUser(JsonNode user, ResourceKey about) {
        return call("POST", "/users", Optional.of(about), false, () -> api.createUser(user));
    }

    /** PUT, as the attribute table says; POST, as the UsersAPI page says, on a server that refuses PUT. */
    void updateUser(String id, JsonNode user, ResourceKey about) {
        if (!updateWithPost) {
            try {
                call("PUT", "/users/" + id, Optional.of(about), false, () -> api.updateUserWithPut(id, user));
                return;
            } catch (ProviderException e) {
                if (e.status() != 405) {
                    throw e;
                }
                updateWithPost = true;
            }
        }
        call("POST", "/users/" + id, Optional.of(about), false, () -> api.updateUserWithPost(id, user));
    }

    void deleteUser(String id, ResourceKey about) {
        // A retried DELETE whose first answer was lost finds the user gone: that is done, not an error.
        call("DELETE", "/users/" + id, Optional.of(about), true, () -> api.deleteUser(id));
    }

    // ---- plumbing

    private JsonNode call(String method, String path, Optional<ResourceKey> about, boolean notFoundIsOk,
                          Supplier<CompletionStage<Response>> send) {
        ApiRequest request = new ApiRequest(method, ROOT + path, about.map(ResourceKey::toString), notFoundIsOk);
        refuseLongUrl(request);
        for (int attempt = 1; ; attempt++) {
            Response[] last = new Response[1];
            ProviderException failure;
            boolean retriedAlready;
            try {
                Response response = new ApiCaller(target, policy, observer, () -> false, sleeper).withTimeouts(timeouts)
                        .call(request, () -> {
                    Response answer = ApiCaller.await(send.get());
                    last[0] = answer;
                    return CompletableFuture.completedFuture(answer);
                });
                JsonNode body = parse(response, request);
                if (response.getStatus() == 404) {
                    return MissingNode.getInstance();
                }
                int code = statusCode(body);
                if (code == 0) {
                    return body;
                }
                if (code == GwsStatusCode.NOT_FOUND.code() && notFoundIsOk) {
                    return MissingNode.getInstance();
                }
                failure = statusFailure(request, response.getStatus(), code, body);
                retriedAlready = false;
            } catch (ProviderException transport) {
                if (transport.status() == 0 || last[0] == null) {
                    throw transport;
                }
                JsonNode body = parseQuietly(last[0]);
                if (!body.has("statusCode")) {
                    throw transport;
                }
                failure = statusFailure(request, transport.status(), statusCode(body), body);
                retriedAlready = policy.retryable(method, transport.status());
            }
            Optional<GwsStatusCode> known = GwsStatusCode.of(statusCodeOf(failure));
            if (known.isPresent() && known.get().leavesDataUnchanged() && !retriedAlready
                    && attempt < policy.maxAttempts()) {
                pause(policy.delayAfter(attempt, Optional.empty()), request);
                continue;
            }
            throw failure;
        }
    }

    /** A {@code statusCode} as a number or as text ({@code "0"} in create answers); absent is 0. */
    static int statusCode(JsonNode body) {
        JsonNode code = body.path("statusCode");
        if (code.isMissingNode() || code.isNull()) {
            return 0;
        }
        if (code.isNumber()) {
            return code.asInt();
        }
        try {
            return Integer.parseInt(code.asText().trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private ProviderException statusFailure(ApiRequest request, int httpStatus, int code, JsonNode body) {
        String message = GwsStatusCode.describe(code)
                + (body.hasNonNull("statusMessage") ? ": " + body.get("statusMessage").asText() : "");
        boolean mayHaveChanged = GwsStatusCode.of(code).map(GwsStatusCode::mayHaveChangedData).orElse(false);
        return new GwsStatusException(target, request, httpStatus, code, message, mayHaveChanged);
    }

    private static int statusCodeOf(ProviderException failure) {
        return failure instanceof GwsStatusException status ? status.statusCode() : -1;
    }

    /** A failure the server reported with a non-zero {@code statusCode}. */
    static final class GwsStatusException extends ProviderException {
        private final int statusCode;

        GwsStatusException(String target, ApiRequest request, int httpStatus, int statusCode, String message,
                           boolean outcomeUnknown) {
            super(target, request.object(), request.method(), request.path(), httpStatus, message, outcomeUnknown, null);
            this.statusCode = statusCode;
        }

        int statusCode() {
            return statusCode;
        }
    }

    private JsonNode parse(Response response, ApiRequest request) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            throw new ProviderException(target, request.object(), request.method(), request.path(),
                    response.getStatus(), "the answer is not JSON", false, notJson);
        }
    }

    private static JsonNode parseQuietly(Response response) {
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (RuntimeException | IOException unreadable) {
            return MissingNode.getInstance();
        }
    }

    /**
     * The users of a list answer: its {@code users}, or, from a server that answered only {@code uris}
     * (what {@code GET /users} gives without {@code fields=*}), each user read by its id, up to
     * {@link #parallelism} at a time.
     */
    private List<JsonNode> users(JsonNode answer) {
        List<JsonNode> users = new ArrayList<>();
        if (answer.has("users") || !answer.has("uris")) {
            answer.path("users").forEach(users::add);
            return users;
        }
        List<String> ids = new ArrayList<>();
        answer.path("uris").forEach(uri -> ids.add(uri.asText().substring(uri.asText().lastIndexOf('/') + 1)));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, ids.size())), runnable -> {
            Thread thread = new Thread(runnable, "gws-fetch-" + target);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Optional<JsonNode>>> reads = ids.stream()
                    .map(id -> CompletableFuture.supplyAsync(() -> getUser(id, Optional.empty()), pool)).toList();
            for (CompletableFuture<Optional<JsonNode>> read : reads) {
                join(read).ifPresent(users::add);
            }
            return users;
        } finally {
            pool.shutdownNow();
        }
    }


    /** User names grouped so that each search's URL stays within the limit. */
    private List<List<String>> batches(Collection<String> userNames) {
        int fixed = urlLength(ROOT + "/users?fields=*&userName=");
        List<List<String>> batches = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        int length = fixed;
        for (String name : userNames) {
            int added = encode(name).length() + (batch.isEmpty() ? 0 : encode(",").length());
            if (!batch.isEmpty() && length + added > MAX_URL_LENGTH) {
                batches.add(batch);
                batch = new ArrayList<>();
                length = fixed;
                added = encode(name).length();
            }
            batch.add(name);
            length += added;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    private void refuseLongUrl(ApiRequest request) {
        int length = urlLength(request.path());
        if (length > MAX_URL_LENGTH) {
            throw new ProviderException(target, request.object(), request.method(), request.path().substring(0, 80)
                    + "...", 0, "not sent: its URL would be " + length + " characters long, over the "
                    + MAX_URL_LENGTH + " the GWS document allows", false, null);
        }
    }

    /** The length of the whole URL of a call, from the target's base URI. */
    int urlLength(String pathAndQuery) {
        String base = baseUri.toString();
        return (base.endsWith("/") ? base.length() - 1 : base.length()) + pathAndQuery.length();
    }

    /** As the REST client encodes a query value, or longer: never shorter, so the limit holds. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void pause(Duration delay, ApiRequest request) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(target, request.object(), request.method(), request.path(), 0,
                    "interrupted while waiting to retry", false, e);
        }
    }

    @Override
    public String toString() {
        return "GwsClient[" + target + "]";
    }
}
