package dev.switchboard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request to a simulator and the answer it gets. The answer is buffered: {@link SimServer} sends
 * it after {@link Simulator#handle} returns, or withholds it to simulate a lost response.
 */
public final class SimExchange {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServerRequest request;
    private final URI uri;
    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final byte[] requestBody;

    private int status;
    private byte[] responseBody = new byte[0];
    private final Map<String, String> responseHeaders = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when the request's URI is not one */
    SimExchange(HttpServerRequest request, byte[] body) {
        this.request = request;
        this.uri = URI.create(request.uri());
        this.method = request.method().name().toUpperCase(Locale.ROOT);
        this.path = uri.getPath();
        this.query = parseQuery(uri.getRawQuery());
        this.requestBody = body;
    }

    public String method() {
        return method;
    }

    /** The decoded request path, prefix included. */
    public String path() {
        return path;
    }

    /** The request's path and query as sent, undecoded: what tells two requests apart. */
    public String pathAndQuery() {
        String raw = uri.getRawQuery();
        return uri.getRawPath() + (raw == null ? "" : "?" + raw);
    }

    /** A query parameter, its name matched case-insensitively as ASP.NET and Play both do. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name.toLowerCase(Locale.ROOT)));
    }

    public Map<String, String> queryParameters() {
        return query;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeader(name));
    }

    /** The value of the request cookie {@code name}. */
    public Optional<String> cookie(String name) {
        List<String> headers = request.headers().getAll("Cookie");
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    public byte[] body() throws IOException {
        return requestBody;
    }

    public String bodyText() throws IOException {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON, or empty when there is none or it is not JSON. */
    public Optional<JsonNode> jsonBody() throws IOException {
        byte[] bytes = body();
        if (bytes.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(bytes));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** Form fields of an {@code application/x-www-form-urlencoded} body. */
    public Map<String, String> formBody() throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : bodyText().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            form.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    public SimExchange setHeader(String name, String value) {
        responseHeaders.put(name, value);
        return this;
    }

    public void respondJson(int status, JsonNode body) {
        try {
            this.responseBody = JSON.writeValueAsBytes(body);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        this.status = status;
        responseHeaders.put("Content-Type", "application/json; charset=utf-8");
    }

    /**
     * Answers {@code status} with JSON already written, as {@link #respondJson} would have written it: for an
     * answer kept from an earlier request. {@code json} is sent as it is, and must not change afterwards.
     */
    public void respondJsonBytes(int status, byte[] json) {
        this.responseBody = json;
        this.status = status;
        responseHeaders.put("Content-Type", "application/json; charset=utf-8");
    }

    /** Answers {@code status} with {@code body} as it is, of media type {@code contentType} (XML, plain text). */
    public void respond(int status, String contentType, byte[] body) {
        this.status = status;
        this.responseBody = body.clone();
        responseHeaders.put("Content-Type", contentType);
    }

    /** Answers {@code status} with no content at all. */
    public void respondEmpty(int status) {
        this.status = status;
        this.responseBody = new byte[0];
    }

    public boolean answered() {
        return status != 0;
    }

    public int status() {
        return status;
    }

    /** Sends the answer: status line, headers and body in one write. */
    void send() throws IOException {
        HttpServerResponse response = request.response();
        response.setStatusCode(status);
        responseHeaders.forEach(response::putHeader);
        boolean noBody = responseBody.length == 0 || status == 204 || status == 304 || "HEAD".equals(method());
        if (noBody) {
            response.end();
        } else {
            response.end(Buffer.buffer(responseBody));
        }
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
