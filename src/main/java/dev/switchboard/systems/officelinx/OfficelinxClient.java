package dev.switchboard.systems.officelinx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.provider.ApiCaller;
import dev.switchboard.provider.ApiRequest;
import dev.switchboard.provider.ProviderException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The calls the provider makes, each through {@link ApiCaller} (token made fresh first, retries,
 * one re-authentication on 401, errors naming target, object, method, path, status and message),
 * answering JSON records. Safe for concurrent use.
 */
final class OfficelinxClient {

    /** Where the document puts the API; a target may say otherwise ({@code apiRoot}). */
    static final String DOCUMENTED_API_ROOT = "/UCBusinessRest/api";
    /** What ASP.NET Web API answers, as a 404, to a URL no route matches. */
    private static final String NO_ROUTE = "No HTTP resource was found";

    private final String target;
    private final String api;
    private final OfficelinxApi client;
    private final ApiCaller caller;
    private final TokenManager tokens;

    /** @param apiRoot the API's path on the server, for messages: {@code /UCBusinessRest/api} */
    OfficelinxClient(String target, String apiRoot, OfficelinxApi client, ApiCaller caller, TokenManager tokens) {
        this.target = target;
        this.api = apiRoot + "/";
        this.client = client;
        this.caller = caller;
        this.tokens = tokens;
    }

    /**
     * A list call. A 404 with no route error in it is an empty list: the document says so of companies
     * and departments ("If the products do not exist, a 404 Not found status message is returned with no
     * content"), and a server may read it so for every list. A 404 that says no route matched is an error
     * naming the target's {@code apiRoot}.
     */
    List<ObjectNode> list(String pathAndQuery, String object, Function<OfficelinxApi, CompletionStage<Response>> send) {
        return list(pathAndQuery, object, send, Optional.empty()).orElseThrow();
    }

    /**
     * As {@link #list(String, String, Function)}, but empty (rather than an error) when the server has no
     * route for the call, for a caller that can ask in another form.
     */
    Optional<List<ObjectNode>> listIfRouted(String pathAndQuery, String object, Function<OfficelinxApi, CompletionStage<Response>> send) {
        return list(pathAndQuery, object, send, Optional.of(true));
    }

    private Optional<List<ObjectNode>> list(String pathAndQuery, String object, Function<OfficelinxApi, CompletionStage<Response>> send,
                                            Optional<Boolean> routeMayBeMissing) {
        ApiRequest request = listRequest(pathAndQuery, object);
        return records(request, call(request, send), routeMayBeMissing);
    }

    /**
     * As {@link #listIfRouted}, with no thread waiting for the answer (see {@link ApiCaller#callAsync}): sent from
     * the calling thread without blocking it, and whatever follows an answer that is not the list runs on
     * {@code blocking}. When the token has to be renewed first, the whole read runs on {@code blocking}, as
     * {@link #listIfRouted}.
     */
    CompletableFuture<Optional<List<ObjectNode>>> listIfRoutedAsync(String pathAndQuery, String object,
            Function<OfficelinxApi, CompletionStage<Response>> send, Executor blocking) {
        if (!tokens.isFresh()) {
            return CompletableFuture.supplyAsync(() -> listIfRouted(pathAndQuery, object, send), blocking);
        }
        ApiRequest request = listRequest(pathAndQuery, object);
        // The first attempt goes out with the token at hand (one that expires meanwhile is answered 401, and renewed
        // on blocking). The attempts after it run on blocking, and renew the token there, in place: handing that to
        // another of its threads to wait for could wait for a thread that never comes.
        AtomicBoolean sent = new AtomicBoolean();
        return caller.callAsync(request, () -> {
            if (sent.getAndSet(true)) {
                tokens.ensureFresh();
            }
            return send.apply(client);
        }, blocking).thenApply(response -> records(request, response, Optional.of(true)));
    }

    private ApiRequest listRequest(String pathAndQuery, String object) {
        return ApiRequest.of("GET", api + pathAndQuery).about(object).allowingNotFound();
    }

    private Optional<List<ObjectNode>> records(ApiRequest request, Response response, Optional<Boolean> routeMayBeMissing) {
        if (response.getStatus() == 404) {
            if (!isNoRoute(response)) {
                return Optional.of(List.of());
            }
            if (routeMayBeMissing.isPresent()) {
                return Optional.empty();
            }
            throw noRoute(request, response);
        }
        JsonNode body = parse(response, request);
        if (!body.isArray()) {
            throw unexpected(request, response, "a list was expected");
        }
        List<ObjectNode> records = new ArrayList<>();
        body.forEach(node -> {
            if (node.isObject()) {
                records.add((ObjectNode) node);
            }
        });
        return Optional.of(records);
    }

    /** GET by ID, empty on a 404 that is not a route error: the object is not (or no longer) there. */
    Optional<ObjectNode> find(String resource, String id, String object) {
        ApiRequest request = ApiRequest.of("GET", api + resource + "/" + id).about(object).allowingNotFound();
        Response response = call(request, a -> a.get(resource, id));
        if (response.getStatus() == 404) {
            if (isNoRoute(response)) {
                throw noRoute(request, response);
            }
            return Optional.empty();
        }
        JsonNode body = parse(response, request);
        if (!body.isObject()) {
            throw unexpected(request, response, "an object was expected");
        }
        return Optional.of((ObjectNode) body);
    }

    ObjectNode get(String resource, String id, String object) {
        return find(resource, id, object).orElseThrow(() -> new ProviderException(target, Optional.of(object), "GET",
                api + resource + "/" + id, 404, "the object is not on the server (deleted since it was read?)", false, null));
    }

    /** One record picked by ID out of a list, for records the document gives no GET by ID (addresses). */
    ObjectNode getFromList(String pathAndQuery, String idField, String id, String object,
                           Function<OfficelinxApi, CompletionStage<Response>> send) {
        return list(pathAndQuery, object, send).stream()
                .filter(record -> JsonFields.number(record, idField).map(String::valueOf).filter(id::equals).isPresent())
                .findFirst()
                .orElseThrow(() -> new ProviderException(target, Optional.of(object), "GET", api + pathAndQuery, 404,
                        idField + " " + id + " is not in the list", false, null));
    }

    /**
     * POSTs {@code body}; the new ID is read from {@code Location}, or from the created object echoed back.
     * Empty when the answer names it neither way (a 201 with the status only): the caller finds the object by
     * its natural key, and must not POST it again.
     */
    Optional<String> create(String resource, String idField, ObjectNode body, String object) {
        ApiRequest request = ApiRequest.of("POST", api + resource).about(object);
        Response response = call(request, a -> a.create(resource, body));
        Optional<String> fromLocation = Optional.ofNullable(response.getHeaderString("Location"))
                .flatMap(OfficelinxClient::lastSegment);
        if (fromLocation.isPresent()) {
            return fromLocation;
        }
        return bodyOrEmpty(response).flatMap(created -> JsonFields.number(created, idField)).map(String::valueOf);
    }

    /**
     * A create the server answered as done, naming no ID, whose object its natural key does not find either.
     * Not an unknown outcome: the POST was answered, so a retry would create it a second time.
     */
    ProviderException createdButNotFound(String resource, String idField, String object) {
        return new ProviderException(target, Optional.of(object), "POST", api + resource, 201,
                "created, but neither Location nor the body names the new " + idField + ", and reading the list "
                        + "does not find it by its natural key; it is not created again: look for it on the server",
                false, null);
    }

    void update(String resource, String id, ObjectNode body, String object) {
        call(ApiRequest.of("PUT", api + resource + "/" + id).about(object), a -> a.update(resource, id, body));
    }

    /**
     * DELETE by ID. A 404 with no route error means the object is already gone, which is what was asked:
     * it happens when a delete whose answer was lost is retried. A 404 saying no route matched is not "gone":
     * for a department it is retried in the document's sample's form, {@code EEAMDepartments?id=&parentid=}
     * ({@code parentId} gives the ParentID, read only then); for anything else it is an error. Whether the
     * object is really gone is for the caller to check: see {@link EeamResourceType#delete}.
     */
    void delete(String resource, String id, String object, java.util.function.LongSupplier parentId) {
        ApiRequest request = ApiRequest.of("DELETE", api + resource + "/" + id).about(object).allowingNotFound();
        Response response = call(request, a -> a.delete(resource, id));
        if (response.getStatus() != 404 || !isNoRoute(response)) {
            return;
        }
        if (!resource.equals("EEAMDepartments")) {
            throw noRoute(request, response);
        }
        long parent = parentId.getAsLong();
        ApiRequest sampleForm = ApiRequest.of("DELETE", api + resource + "?id=" + id + "&parentid=" + parent)
                .about(object).allowingNotFound();
        Response answer = call(sampleForm, a -> a.deleteDepartment(id, parent));
        if (answer.getStatus() == 404 && isNoRoute(answer)) {
            throw noRoute(sampleForm, answer);
        }
    }

    private Response call(ApiRequest request, Function<OfficelinxApi, CompletionStage<Response>> send) {
        return caller.call(request, () -> {
            tokens.ensureFresh();
            return send.apply(client);
        });
    }

    /** A delete the server answered as done although the object is still there. */
    ProviderException notDeleted(String resource, String id, String object) {
        return new ProviderException(target, Optional.of(object), "DELETE", api + resource + "/" + id, 0,
                "the server answered the delete, but reading it back shows the object still there: it was not deleted",
                false, null);
    }

    /**
     * Whether a 404 says that no route matched rather than that nothing is there: ASP.NET Web API's
     * "No HTTP resource was found ...", or a body that is not JSON at all (a web server's HTML page for a
     * path no application answers). The document's own "not found" is a 404 with no content.
     */
    private static boolean isNoRoute(Response response) {
        byte[] body;
        try {
            body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        } catch (RuntimeException unreadable) {
            return false;
        }
        if (body == null || ApiCaller.isBlank(body)) {
            return false;
        }
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).contains(NO_ROUTE)) {
            return true;
        }
        try {
            ApiCaller.parseJson(body);
            return false;
        } catch (IOException notJson) {
            return true;
        }
    }

    private ProviderException noRoute(ApiRequest request, Response response) {
        return new ProviderException(target, request.object(), request.method(), request.path(), 404,
                ApiCaller.serverMessage(response) + " (the server has no such route: if its API is not under "
                        + api.substring(0, api.length() - 1) + ", set apiRoot on the target, such as apiRoot: /api)",
                false, null);
    }

    private JsonNode parse(Response response, ApiRequest request) {
        return bodyOrEmpty(response).orElseThrow(() -> unexpected(request, response, "the answer is not JSON"));
    }

    private static Optional<JsonNode> bodyOrEmpty(Response response) {
        try {
            byte[] body = ApiCaller.bodyBytes(response);
            return ApiCaller.isBlank(body) ? Optional.empty() : Optional.of(ApiCaller.parseJson(body));
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private ProviderException unexpected(ApiRequest request, Response response, String what) {
        return new ProviderException(target, request.object(), request.method(), request.path(),
                response.getStatus(), what, false, null);
    }

    private static Optional<String> lastSegment(String location) {
        try {
            String path = URI.create(location.trim()).getPath();
            String[] segments = path == null ? new String[0] : path.split("/");
            String last = segments.length == 0 ? "" : segments[segments.length - 1];
            return last.chars().allMatch(Character::isDigit) && !last.isEmpty() ? Optional.of(last) : Optional.empty();
        } catch (IllegalArgumentException unparseable) {
            return Optional.empty();
        }
    }
}
