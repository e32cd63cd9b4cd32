package dev.switchboard.systems.xci.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A bare XCI client for simulator tests: raw requests, the session cookie kept as a browser would. */
public final class XciHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        public String message() {
            return body.path("message").asText();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private Optional<String> cookie = Optional.empty();

    public XciHttp(URI serverBase) {
        this.base = URI.create(serverBase + "/api/1.0");
    }

    public Answer login(String login, String password) {
        Answer answer = send("POST", "/login", JSON.createObjectNode().put("login", login).put("password", password));
        answer.raw().headers().firstValue("Set-Cookie").ifPresent(setCookie -> cookie = Optional.of(setCookie.split(";")[0]));
        return answer;
    }

    public void forgetCookie() {
        cookie = Optional.empty();
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** The body of a 2xx answer; fails the test with the server's message otherwise. */
    public JsonNode ok(Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new AssertionError("HTTP " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    public Answer send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5));
            cookie.ifPresent(c -> request.header("Cookie", c));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
