package dev.switchboard.sim.xci;

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
final class XciHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String message() {
            return body.path("message").asText();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private Optional<String> cookie = Optional.empty();

    XciHttp(URI serverBase) {
        this.base = URI.create(serverBase + "/api/1.0");
    }

    Answer login(String login, String password) {
        Answer answer = send("POST", "/login", JSON.createObjectNode().put("login", login).put("password", password));
        answer.raw().headers().firstValue("Set-Cookie").ifPresent(setCookie -> cookie = Optional.of(setCookie.split(";")[0]));
        return answer;
    }

    void forgetCookie() {
        cookie = Optional.empty();
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** The body of a 2xx answer; fails the test with the server's message otherwise. */
    JsonNode ok(Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new AssertionError("HTTP " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    Answer send(String method, String path, Object body) {
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
