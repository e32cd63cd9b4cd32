package dev.switchboard.systems.xci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.provider.ApiCaller;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.ApiRequest;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.RetryPolicy;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every XCI call as one method, run through {@link ApiCaller}: logs in on first use, keeps the cookie,
 * logs in again once on a 401 and retries. Concurrent calls share one login: a call that got 401
 * under a cookie another thread has since replaced simply retries with the new one.
 *
 * <p>Answers are JSON ({@link MissingNode} when the server sent no body). Failures are
 * {@link ProviderException}s naming the target, the object ({@code about}), method, path, status and the
 * server's message; never the password or the cookie.
 */
final class XciClient {

    static final String ROOT = "/api/1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String target;
    private final XciApi api;
    private final XciSession session;
    private final String login;
    private final String password;
    private final RetryPolicy policy;
    private final ApiObserver observer;

    private final TargetSpec.Timeouts timeouts;

    XciClient(String target, XciApi api, XciSession session, String login, String password, RetryPolicy policy,
              ApiObserver observer, TargetSpec.Timeouts timeouts) {
        this.timeouts = timeouts;
        this.target = target;
        this.api = api;
        this.session = session;
        this.login = login;
        this.password = password;
        this.policy = policy;
        this.observer = observer;
    }

    // ---- session

    /** Logs in unless a session exists; returns the generation of the session calls will use. */
    private synchronized long ensureLoggedIn() {
        if (session.state().cookie().isEmpty()) {
            login();
        }
        return session.state().generation();
    }

    /** After a 401 under session {@code failedGeneration}: log in again unless someone already did. */
    private synchronized boolean reloginAfter(long failedGeneration) {
        if (session.state().generation() == failedGeneration) {
            login();
        }
        return true;
    }

    /** {@code POST /login}; the cookie of its answer becomes the session. */
    void login() {
        JsonNode credentials = JSON.createObjectNode().put("login", login).put("password", password);
        // A Play form login may answer 303 See Other with the cookie: the redirect is not followed, its cookie is the session.
        ApiRequest request = ApiRequest.of("POST", ROOT + "/login").changingNothing().acceptingRedirects();
        Response response = new ApiCaller(target, policy, observer, () -> false).withTimeouts(timeouts).call(request, () -> api.login(credentials));
        String cookie = response.getCookies().values().stream().map(NewCookie::toCookie)
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        if (cookie.isEmpty()) {
            cookie = Optional.ofNullable(response.getHeaderString(HttpHeaders.SET_COOKIE))
                    .map(header -> header.split(";", 2)[0].trim()).orElse("");
        }
        if (cookie.isEmpty()) {
            throw new ProviderException(target, Optional.empty(), request.method(), request.path(),
                    response.getStatus(), "the login was accepted but no session cookie came back", false, null);
        }
        session.renew(cookie);
    }

    /**
     * One call in the session. A session the server no longer has shows as 401, as 403, or as a redirect to
     * the login page, depending on the server: each leads to one login and one more try (a 403 that is a
     * real refusal comes back the same after it and is reported).
     */
    private JsonNode call(String method, String path, Optional<ResourceKey> about, boolean notFoundIsOk,
                          Supplier<CompletionStage<Response>> send) {
        java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong(ensureLoggedIn());
        ApiRequest request = new ApiRequest(method, ROOT + path, about.map(ResourceKey::toString), notFoundIsOk);
        Supplier<CompletionStage<Response>> inSession = () -> {
            Response answer = ApiCaller.await(send.get());
            if (sessionEnded(answer)) {
                answer.close();
                reloginAfter(generation.get());
                generation.set(session.state().generation());
                return send.get();
            }
            return CompletableFuture.completedFuture(answer);
        };
        Response response = new ApiCaller(target, policy, observer, () -> {
            boolean renewed = reloginAfter(generation.get());
            generation.set(session.state().generation());
            return renewed;
        }).withTimeouts(timeouts).call(request, inSession);
        if (response.getStatus() == 404) {
            return MissingNode.getInstance();
        }
        byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        if (body == null || ApiCaller.isBlank(body)) {
            return MissingNode.getInstance();
        }
        try {
            return ApiCaller.parseJson(body);
        } catch (IOException notJson) {
            throw new ProviderException(target, request.object(), method, request.path(), response.getStatus(),
                    "the answer is not JSON", false, notJson);
        }
    }

    /** 403, or a redirect to the login page: what some servers answer for a session that ended. */
    private static boolean sessionEnded(Response response) {
        if (response.getStatus() == 403) {
            return true;
        }
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        return response.getStatus() / 100 == 3 && location != null && location.replaceAll("[?#].*$", "").endsWith("/login");
    }

    private JsonNode call(String method, String path, Optional<ResourceKey> about, Supplier<CompletionStage<Response>> send) {
        return call(method, path, about, false, send);
    }

    /**
     * The {@code items} of a list answer; the bare array itself when the server sends one; none for an empty
     * answer. Anything else (an object without {@code items}, such as {@code {"status":"ok"}}) is refused:
     * read as an empty server, it would plan to create everything again.
     */
    private List<JsonNode> items(String path, JsonNode list) {
        if (list.isMissingNode()) {
            return List.of();
        }
        JsonNode items = list.isArray() ? list : list.path("items");
        if (items.isArray()) {
            return XciJson.elements(items);
        }
        List<String> keys = new java.util.ArrayList<>();
        list.fieldNames().forEachRemaining(keys::add);
        throw new ProviderException(target, Optional.empty(), "GET", ROOT + path, 200, "a list was expected, got "
                + (list.isObject() ? "an object with keys " + String.join(", ", keys) : "a " + list.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                + ": is this an XCI server?", false, null);
    }

    /**
     * The error for an object the server accepted (POST) or should have (GET after a create) but that
     * cannot be found afterwards.
     */
    ProviderException notReadBack(String method, String path, ResourceKey about) {
        boolean lookup = method.equals("GET");
        return new ProviderException(target, Optional.of(about.toString()), method, ROOT + path, lookup ? 404 : 200,
                lookup ? "the object is gone" : "the answer held no object and none was found by its natural key",
                false, null);
    }

    // ---- XiVOs

    List<JsonNode> listXivos() {
        return items("/xivo", call("GET", "/xivo", Optional.empty(), api::listXivos));
    }

    JsonNode getXivo(long id, Optional<ResourceKey> about) {
        return call("GET", "/xivo/" + id, about, () -> api.getXivo(id));
    }

    JsonNode createXivo(JsonNode xivo, ResourceKey about) {
        return call("POST", "/xivo", Optional.of(about), () -> api.createXivo(xivo));
    }

    /** Asks XCI to push its configuration files to the XiVOs. */
    void synchronizeConfigFiles() {
        call("GET", "/xivo/synchronize_config_files", Optional.empty(), api::synchronizeConfigFiles);
    }

    // ---- entities

    List<JsonNode> listEntities() {
        return items("/entities", call("GET", "/entities", Optional.empty(), api::listEntities));
    }

    /** The entity, or empty when there is none with that combinedId. */
    Optional<JsonNode> getEntity(String combinedId, Optional<ResourceKey> about) {
        JsonNode entity = call("GET", "/entities/" + combinedId, about, true, () -> api.getEntity(combinedId));
        return entity.isMissingNode() ? Optional.empty() : Optional.of(entity);
    }

    JsonNode createEntity(JsonNode entity, ResourceKey about) {
        return call("POST", "/entities", Optional.of(about), () -> api.createEntity(entity));
    }

    void updateEntity(String combinedId, JsonNode entity, ResourceKey about) {
        call("PUT", "/entities/" + combinedId, Optional.of(about), () -> api.updateEntity(combinedId, entity));
    }

    void deleteEntity(String combinedId, ResourceKey about) {
        call("DELETE", "/entities/" + combinedId, Optional.of(about), () -> api.deleteEntity(combinedId));
    }

    List<JsonNode> listUsersOfEntity(String combinedId) {
        return items("/entities/" + combinedId + "/users", call("GET", "/entities/" + combinedId + "/users", Optional.empty(),
                () -> api.listUsersOfEntity(combinedId)));
    }

    /** Free internal numbers of the entity, in the order of its intervals. */
    List<String> listAvailableNumbers(String combinedId) {
        return items("/entities/" + combinedId + "/available_numbers", call("GET", "/entities/" + combinedId + "/available_numbers", Optional.empty(),
                () -> api.listAvailableNumbers(combinedId))).stream().map(JsonNode::asText).toList();
    }

    // ---- users

    JsonNode getUser(long id, ResourceKey about) {
        return call("GET", "/users/" + id, Optional.of(about), () -> api.getUser(id));
    }

    JsonNode createUser(JsonNode user, ResourceKey about) {
        return call("POST", "/users", Optional.of(about), () -> api.createUser(user));
    }

    void updateUser(long id, JsonNode user, ResourceKey about) {
        call("PUT", "/users/" + id, Optional.of(about), () -> api.updateUser(id, user));
    }

    void deleteUser(long id, ResourceKey about) {
        call("DELETE", "/users/" + id, Optional.of(about), () -> api.deleteUser(id));
    }

    // ---- templates

    List<JsonNode> listTemplates() {
        return items("/templates", call("GET", "/templates", Optional.empty(), api::listTemplates));
    }

    JsonNode getTemplate(long id, ResourceKey about) {
        return call("GET", "/templates/" + id, Optional.of(about), () -> api.getTemplate(id));
    }

    JsonNode createTemplate(JsonNode template, ResourceKey about) {
        return call("POST", "/templates", Optional.of(about), () -> api.createTemplate(template));
    }

    void updateTemplate(long id, JsonNode template, ResourceKey about) {
        call("PUT", "/templates/" + id, Optional.of(about), () -> api.updateTemplate(id, template));
    }

    void deleteTemplate(long id, ResourceKey about) {
        call("DELETE", "/templates/" + id, Optional.of(about), () -> api.deleteTemplate(id));
    }

    // ---- administrators

    List<JsonNode> listAdministrators() {
        return items("/administrators", call("GET", "/administrators", Optional.empty(), api::listAdministrators));
    }

    JsonNode getAdministrator(long id, ResourceKey about) {
        return call("GET", "/administrators/" + id, Optional.of(about), () -> api.getAdministrator(id));
    }

    JsonNode createAdministrator(JsonNode administrator, ResourceKey about) {
        return call("POST", "/administrators", Optional.of(about), () -> api.createAdministrator(administrator));
    }

    void updateAdministrator(long id, JsonNode administrator, ResourceKey about) {
        call("PUT", "/administrators/" + id, Optional.of(about), () -> api.updateAdministrator(id, administrator));
    }

    void deleteAdministrator(long id, ResourceKey about) {
        call("DELETE", "/administrators/" + id, Optional.of(about), () -> api.deleteAdministrator(id));
    }

    @Override
    public String toString() {
        return "XciClient[" + target + "]";
    }
}
