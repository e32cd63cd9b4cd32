package dev.switchboard.systems.officelinx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.Function;

/**
 * The calls the provider makes, each through {@link ApiCaller} (token made fresh first, retries,
 * one re-authentication on 401, errors naming target, object, method, path, status and message),
 * answering JSON records. Safe for concurrent use.
 */
final class OfficelinxClient {

    static final String API = "/UCBusinessRest/api/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String target;
    private final OfficelinxApi api;
    private final ApiCaller caller;
    private final TokenManager tokens;

    OfficelinxClient(String target, OfficelinxApi api, ApiCaller caller, TokenManager tokens) {
        this.target = target;
        this.api = api;
        this.caller = caller;
        this.tokens = tokens;
    }

    /**
     * A list call. {@code emptyWhenNotFound}: the document says this list answers 404 with no content
     * when it has nothing to list; everywhere else a 404 is an error.
     */
    List<ObjectNode> list(String pathAndQuery, String object, boolean emptyWhenNotFound,
                          Function<OfficelinxApi, Response> send) {
        ApiRequest request = ApiRequest.of("GET", API + pathAndQuery).about(object);
        Response response = call(emptyWhenNotFound ? request.allowingNotFound() : request, send);
        if (response.getStatus() == 404) {
            return List.of();
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
        return records;
    }

    ObjectNode get(String resource, String id, String object) {
        ApiRequest request = ApiRequest.of("GET", API + resource + "/" + id).about(object);
        Response response = call(request, a -> a.get(resource, id));
        JsonNode body = parse(response, request);
        if (!body.isObject()) {
            throw unexpected(request, response, "an object was expected");
        }
        return (ObjectNode) body;
    }

    /** One record picked by ID out of a list, for records the document gives no GET by ID (addresses). */
    ObjectNode getFromList(String pathAndQuery, String idField, String id, String object,
                           Function<OfficelinxApi, Response> send) {
        return list(pathAndQuery, object, false, send).stream()
                .filter(record -> JsonFields.number(record, idField).map(String::valueOf).filter(id::equals).isPresent())
                .findFirst()
                .orElseThrow(() -> new ProviderException(target, Optional.of(object), "GET", API + pathAndQuery, 404,
                        idField + " " + id + " is not in the list", false, null));
    }

    /** POSTs {@code body}; the new ID is read from {@code Location}, or from the created object echoed back. */
    String create(String resource, String idField, ObjectNode body, String object) {
        ApiRequest request = ApiRequest.of("POST", API + resource).about(object);
        Response response = call(request, a -> a.create(resource, body));
        Optional<String> fromLocation = Optional.ofNullable(response.getHeaderString("Location"))
                .flatMap(OfficelinxClient::lastSegment);
        if (fromLocation.isPresent()) {
            return fromLocation.get();
        }
        return bodyOrEmpty(response).flatMap(created -> JsonFields.number(created, idField)).map(String::valueOf)
                .orElseThrow(() -> new ProviderException(target, request.object(), "POST", request.path(),
                        response.getStatus(), "created, but neither Location nor the body names the new "
                        + idField, true, null));
    }

    void update(String resource, String id, ObjectNode body, String object) {
        call(ApiRequest.of("PUT", API + resource + "/" + id).about(object), a -> a.update(resource, id, body));
    }

    /**
     * DELETE by ID. A 404 means the object is already gone, which is what was asked: it happens when a
     * delete whose answer was lost is retried.
     */
    void delete(String resource, String id, String object) {
        call(ApiRequest.of("DELETE", API + resource + "/" + id).about(object).allowingNotFound(),
                a -> a.delete(resource, id));
    }

    private Response call(ApiRequest request, Function<OfficelinxApi, Response> send) {
        return caller.call(request, () -> {
            tokens.ensureFresh();
            return send.apply(api);
        });
    }

    private JsonNode parse(Response response, ApiRequest request) {
        return bodyOrEmpty(response).orElseThrow(() -> unexpected(request, response, "the answer is not JSON"));
    }

    private static Optional<JsonNode> bodyOrEmpty(Response response) {
        try {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(JSON.readTree(text));
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
