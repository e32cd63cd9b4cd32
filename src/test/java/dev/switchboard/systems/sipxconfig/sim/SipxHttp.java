package dev.switchboard.systems.sipxconfig.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Plain HTTP calls to a simulator, as curl makes them: Basic auth as a user, JSON or XML. */
final class SipxHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    SipxHttp(URI base) {
        this.base = base;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String method, String path, String user, String password, String accept,
                              String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/sipxconfig/rest" + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return send("GET", path, user, "password", "application/json", null, null);
    }

    HttpResponse<String> getXml(String path, String user) throws IOException, InterruptedException {
        return send("GET", path, user, "password", "application/xml", null, null);
    }

    JsonNode json(String path, String user) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(path, user);
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    HttpResponse<String> put(String path, String user, String json) throws IOException, InterruptedException {
        return send("PUT", path, user, "password", "application/json", "application/json", json);
    }

    HttpResponse<String> post(String path, String user, String json) throws IOException, InterruptedException {
        return send("POST", path, user, "password", "application/json", "application/json", json);
    }

    HttpResponse<String> delete(String path, String user) throws IOException, InterruptedException {
        return send("DELETE", path, user, "password", "application/json", null, null);
    }
}
