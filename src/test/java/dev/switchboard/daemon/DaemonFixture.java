package dev.switchboard.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.xci.sim.XciHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * What a daemon test works with: the Git repository the daemon follows, the simulators behind its targets,
 * and an HTTP client for the daemon's endpoints. Injected by {@link GitRepoWithSimulators}.
 */
public final class DaemonFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Only how long a broken daemon takes to fail a test: every wait ends on the signal it waits for. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    final Git git;
    final SimServer olx;
    final SimServer xci;
    /** The daemon's {@code switchboard.data-dir}: its Git checkouts and the apply journals. */
    final Path dataDir;
    String firstCommit;
    /** The XCI simulator's held administrator creates, when the profile asks for them ({@code hold-xci-creates}). */
    HeldAnswers xciCreates;
    /** Where the daemon's generic notification webhook posts ({@code switchboard.notify.webhook.url}). */
    Receiver notifications;

    DaemonFixture(Git git, SimServer olx, SimServer xci, Path dataDir) {
        this.git = git;
        this.olx = olx;
        this.xci = xci;
        this.dataDir = dataDir;
    }

    RevCommit commitAll(String message) {
        try {
            git.add().addFilepattern(".").call();
            return git.commit().setMessage(message).setAuthor("Test", "test@example.com")
                    .setCommitter("Test", "test@example.com").call();
        } catch (Exception e) {
            throw new IllegalStateException("cannot commit", e);
        }
    }

    /** The commit at the head of the repository's {@code main}. */
    String head() {
        try {
            return git.getRepository().resolve("HEAD").name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message of the head commit. */
    String headMessage() {
        try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(git.getRepository())) {
            return walk.parseCommit(git.getRepository().resolve("HEAD")).getShortMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts every file back as the first commit had it and commits that when anything differs, so that a
     * test leaves the repository as every test finds it. Returns the head commit.
     */
    String resetToFirstCommit() {
        try {
            git.checkout().setAllPaths(true).setStartPoint(firstCommit).call();
            if (!git.status().call().isClean()) {
                commitAll("Back to the desired state of the first commit");
            }
            return head();
        } catch (Exception e) {
            throw new IllegalStateException("cannot reset the repository to " + firstCommit, e);
        }
    }

    /** Rewrites {@code file} of the repository, replacing {@code from} with {@code to}, and commits it. */
    String commitEdit(String file, String from, String to, String message) {
        Path path = git.getRepository().getWorkTree().toPath().resolve(file);
        try {
            String content = Files.readString(path);
            if (!content.contains(from)) {
                throw new IllegalArgumentException(file + " has no " + from);
            }
            Files.writeString(path, content.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return commitAll(message).name();
    }

    /** The daemon's base URL, {@code http://127.0.0.1:PORT}, set by each test from the URL Quarkus injects (TestHTTPResource). */
    URI root = URI.create("http://127.0.0.1:0");

    URI daemon(String path) {
        return URI.create(root.toString().replaceAll("/$", "") + path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(daemon(path)).GET());
    }

    JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return parse(response.body());
    }

    HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(daemon(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request);
    }

    /**
     * A POST that announces its body with {@code Expect: 100-continue}, as curl does for large bodies. The
     * daemon refuses a body over its limit with 413 and closes the connection without reading it; a client
     * that sent the body regardless can have that answer reset away by the unread bytes (TCP RST), so a
     * test of the refusal asks first.
     */
    HttpResponse<String> postExpectingContinue(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(daemon(path)).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> reconcileNow() {
        return post("/api/v1/reconcile", new byte[0],
                Map.of("Authorization", "Bearer " + GitRepoWithSimulators.API_TOKEN));
    }

    static String signature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(SharedSecret.of(secret).hmac(body));
    }

    static byte[] pushTo(String branch) {
        return ("{\"ref\":\"refs/heads/" + branch + "\",\"after\":\"0000000\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** The logins of the administrators on the XCI simulator, read through its API as a client would. */
    List<String> xciAdministratorLogins() {
        XciHttp api = new XciHttp(xci.baseUri());
        api.login("admin", "admin");
        return api.ok(api.get("/administrators")).path("items").findValuesAsText("login");
    }

    JsonNode target(JsonNode status, String name) {
        for (JsonNode target : status.path("targets")) {
            if (target.path("name").asText().equals(name)) {
                return target;
            }
        }
        return JSON.missingNode();
    }

    /** Polls the status until {@code condition} holds, and returns that status; fails after a while. */
    JsonNode awaitStatus(String what, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode status = JSON.missingNode();
        while (Instant.now().isBefore(deadline)) {
            status = getJson("/api/v1/status");
            if (condition.test(status)) {
                return status;
            }
            sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; last status: " + status.toPrettyString());
    }

    /**
     * In drift mode: waits until both targets are in drift at the head commit, fetched without error, with
     * nothing changed on the servers (the XCI target plans no update), and returns that status.
     */
    JsonNode awaitDriftAtHead() {
        return awaitStatus("both targets in drift at the head commit", s -> s.path("ready").asBoolean()
                && !s.path("lastFetch").path("error").isTextual()
                && java.util.stream.Stream.of("olx-main", "xci-paris").allMatch(t -> target(s, t).path("result").asText()
                        .equals("drift") && target(s, t).path("commit").asText().equals(head()))
                && target(s, "xci-paris").path("lastPlan").path("update").asInt() == 0);
    }

    /**
     * In drift mode: removes every administrator made on the XCI server but its own {@code admin}, puts the
     * first commit's files back, and has the daemon reconcile that, so that the next test finds what the
     * first found.
     */
    void putBackDriftBaseline(Daemon daemon) {
        XciHttp api = new XciHttp(xci.baseUri());
        api.login("admin", "admin");
        for (JsonNode admin : api.ok(api.get("/administrators")).path("items")) {
            if (!admin.path("login").asText().equals("admin")) {
                api.ok(api.delete("/administrators/" + admin.path("id").asText()));
            }
        }
        resetToFirstCommit();
        HttpResponse<String> queued = reconcileNow();
        if (queued.statusCode() != 202) {
            throw new AssertionError("POST /api/v1/reconcile: HTTP " + queued.statusCode() + " " + queued.body());
        }
        awaitIdle(daemon);
    }

    /** Waits until every pass asked for so far has ended (the daemon's own signal, {@link Daemon#idle()}). */
    void awaitIdle(Daemon daemon) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!daemon.idle()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the daemon still had a pass running or queued after " + WAIT);
            }
            sleep(20);
        }
    }

    /** The value of the Prometheus sample {@code name{labels}} in {@code /q/metrics}, or -1 when absent. */
    double metric(String name, String labels) {
        String body = get("/q/metrics").body();
        for (String line : body.split("\n")) {
            if (line.startsWith(name + "{") && labelsMatch(line, labels)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    /** The sum of every Prometheus sample {@code name{...labels...}} in {@code /q/metrics}. */
    double metricSum(String name, String labels) {
        double sum = 0;
        for (String line : get("/q/metrics").body().split("\n")) {
            if (line.startsWith(name + "{") && labelsMatch(line, labels)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static boolean labelsMatch(String line, String labels) {
        String present = line.substring(line.indexOf('{') + 1, line.indexOf('}'));
        for (String label : labels.split(",")) {
            if (!label.isEmpty() && !present.contains(label)) {
                return false;
            }
        }
        return true;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            // A client per request: a pooled keep-alive connection the server closed meanwhile (after a 413,
            // or idle) would fail the next request with "header parser received no bytes".
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        notifications.close();
        olx.close();
        xci.close();
        git.close();
    }
}
