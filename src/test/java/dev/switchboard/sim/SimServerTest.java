package dev.switchboard.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimServerTest {

    /** Counts POSTs; GET answers the count. */
    static final class CounterSimulator implements Simulator {
        int count;

        @Override
        public String name() {
            return "counter";
        }

        @Override
        public List<String> pathPrefixes() {
            return List.of("/count");
        }

        @Override
        public void handle(SimExchange exchange) {
            if (exchange.method().equals("POST")) {
                count++;
                exchange.respondEmpty(201);
            } else {
                exchange.respondJson(200, IntNode.valueOf(count));
            }
        }

        @Override
        public JsonNode snapshot() {
            return IntNode.valueOf(count);
        }

        @Override
        public void restore(JsonNode state) {
            count = state.asInt();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SimServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnLoopbackOnlyOnAPortChosenAtRunTime() {
        server = SimServer.start(SimOptions.DEFAULT, new CounterSimulator());
        assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isPositive();
    }

    @Test
    void resetBeforeDropsTheConnectionWithoutProcessing() throws Exception {
        CounterSimulator counter = new CounterSimulator();
        server = SimServer.start(SimOptions.DEFAULT, counter);
        server.inject(FaultRule.parse("reset-before:POST:/count:1"));
        assertThatThrownBy(() -> send("POST", "/count")).isInstanceOf(IOException.class);
        assertThat(counter.count).isZero();
        assertThat(send("POST", "/count").statusCode()).isEqualTo(201);
        assertThat(counter.count).isEqualTo(1);
    }

    @Test
    void resetAfterProcessesTheRequestButNeverAnswers() throws Exception {
        CounterSimulator counter = new CounterSimulator();
        server = SimServer.start(SimOptions.DEFAULT, counter);
        server.inject(FaultRule.parse("reset-after:POST"));
        assertThatThrownBy(() -> send("POST", "/count")).isInstanceOf(IOException.class);
        assertThat(send("GET", "/count").body()).isEqualTo("1");
    }

    @Test
    void error500And429AreAnsweredWithoutProcessing() throws Exception {
        CounterSimulator counter = new CounterSimulator();
        server = SimServer.start(SimOptions.DEFAULT, counter);
        server.inject(FaultRule.parse("error-500:POST"));
        server.inject(FaultRule.parse("too-many-requests:POST"));
        assertThat(send("POST", "/count").statusCode()).isEqualTo(500);
        HttpResponse<String> throttled = send("POST", "/count");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("1");
        assertThat(counter.count).isZero();
    }

    @Test
    void faultsApplyOnlyToMatchingRequestsAndOnlyTheGivenNumberOfTimes() throws Exception {
        server = SimServer.start(SimOptions.DEFAULT, new CounterSimulator());
        server.inject(FaultRule.parse("error-500:POST:/count:2"));
        assertThat(send("GET", "/count").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/count").statusCode()).isEqualTo(500);
        assertThat(send("POST", "/count").statusCode()).isEqualTo(500);
        assertThat(send("POST", "/count").statusCode()).isEqualTo(201);
    }

    @Test
    void slowFaultHoldsTheAnswerBackPastAClientTimeout() throws Exception {
        server = SimServer.start(SimOptions.DEFAULT.withSlowDelay(Duration.ofSeconds(3)), new CounterSimulator());
        server.inject(FaultRule.parse("slow:GET"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/count"))
                .timeout(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void fullFailureRateFailsEveryRequest() throws Exception {
        server = SimServer.start(SimOptions.DEFAULT.withFailRate(1.0), new CounterSimulator());
        assertThat(send("POST", "/count").statusCode()).isEqualTo(500);
        assertThat(send("GET", "/count").statusCode()).isEqualTo(500);
    }

    @Test
    void faultsCanBeQueuedOverTheControlEndpoint() throws Exception {
        server = SimServer.start(SimOptions.DEFAULT, new CounterSimulator());
        HttpRequest queue = HttpRequest.newBuilder(URI.create(server.baseUri() + "/_sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("error-500:GET:/count\n")).build();
        assertThat(http.send(queue, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/count").statusCode()).isEqualTo(500);
        assertThat(send("GET", "/count").statusCode()).isEqualTo(200);
    }

    @Test
    void aBadFaultSpecIsAnswered400WithWhatIsWrongAndQueuesNothing() throws Exception {
        server = SimServer.start(SimOptions.DEFAULT, new CounterSimulator());
        for (String[] bad : new String[][] {
                {"error-500:GET:/count\nexplode:GET:/count", "'explode' is not a fault (faults: error-500, "
                        + "too-many-requests, reset-before, reset-after, slow)"},
                {"error-500:GET:/count[:1", "its path is not a regular expression"},
                {"error-500:GET:/count:twice", "TIMES is a whole number of 1 or more, not 'twice'"}}) {
            HttpRequest queue = HttpRequest.newBuilder(URI.create(server.baseUri() + "/_sim/faults"))
                    .POST(HttpRequest.BodyPublishers.ofString(bad[0])).build();
            HttpResponse<String> answer = http.send(queue, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(answer.body()).contains("bad fault spec").contains(bad[1])
                    .contains("FAULT[:METHOD[:PATH_REGEX[:TIMES]]]").doesNotContain("Exception");
        }
        assertThat(send("GET", "/count").statusCode()).as("not even the good first line was queued").isEqualTo(200);
    }

    @Test
    void stateSurvivesARestartThroughTheStateFile(@TempDir Path dir) throws Exception {
        Path stateFile = dir.resolve("sim/target.json");
        server = SimServer.start(SimOptions.DEFAULT.withStateFile(stateFile), new CounterSimulator());
        send("POST", "/count");
        send("POST", "/count");
        server.close();
        assertThat(Files.readString(stateFile)).contains("\"counter\" : 2");
        server = SimServer.start(SimOptions.DEFAULT.withStateFile(stateFile), new CounterSimulator());
        assertThat(send("GET", "/count").body()).isEqualTo("2");
    }

    /** The latency is a floor every answer waits for, and the simulator still sees each request once. */
    @Test
    void everyAnswerWaitsAtLeastTheLatency() throws Exception {
        CounterSimulator counter = new CounterSimulator();
        server = SimServer.start(SimOptions.DEFAULT.withLatency(Duration.ofMillis(120)), counter);
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            assertThat(send("POST", "/count").statusCode()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
        }
        assertThat(counter.count).isEqualTo(3);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void unknownPathsAnswer404() throws Exception {
        server = SimServer.start(SimOptions.DEFAULT, new CounterSimulator());
        assertThat(send("GET", "/nothing/here").statusCode()).isEqualTo(404);
    }

    /** Answers 200 once {@code parties} requests are inside {@link #handle} together, or 503 after waiting in vain. */
    static final class MeetingSimulator implements Simulator {
        private final boolean concurrent;
        private final java.util.concurrent.CountDownLatch arrived;

        MeetingSimulator(boolean concurrent, int parties) {
            this.concurrent = concurrent;
            this.arrived = new java.util.concurrent.CountDownLatch(parties);
        }

        @Override
        public String name() {
            return "meeting";
        }

        @Override
        public List<String> pathPrefixes() {
            return List.of("/meet");
        }

        @Override
        public boolean concurrent() {
            return concurrent;
        }

        @Override
        public void handle(SimExchange exchange) {
            arrived.countDown();
            try {
                exchange.respondEmpty(arrived.await(concurrent ? 5000 : 300, java.util.concurrent.TimeUnit.MILLISECONDS) ? 200 : 503);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.respondEmpty(500);
            }
        }

        @Override
        public JsonNode snapshot() {
            return IntNode.valueOf(0);
        }

        @Override
        public void restore(JsonNode state) {
        }
    }

    private List<Integer> sendTogether(int requests) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(requests);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> send("GET", "/meet").statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get(20, java.util.concurrent.TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aConcurrentSimulatorHandlesRequestsSideBySide() throws Exception {
        server = SimServer.start(SimOptions.DEFAULT, new MeetingSimulator(true, 3));
        assertThat(sendTogether(3)).containsOnly(200);
    }

    @Test
    void anyOtherSimulatorHandlesOneRequestAtATime() throws Exception {
        server = SimServer.start(SimOptions.DEFAULT, new MeetingSimulator(false, 2));
        // under the simulator's lock the first waits alone (and gives up), then the second finds it counted
        assertThat(sendTogether(2)).containsExactlyInAnyOrder(503, 200);
    }

    @Test
    void aClosedServersPortIsFreeAgainWhenCloseReturns() {
        // Vert.x completes a close before it unbinds the port; SimServer.close waits for it (4 in 30 failed before).
        for (int round = 0; round < 10; round++) {
            SimServer first = SimServer.start(SimOptions.DEFAULT, new CounterSimulator());
            int port = first.port();
            first.close();
            SimServer.start(SimOptions.DEFAULT.withPort(port), new CounterSimulator()).close();
        }
    }

    @Test
    void aFixedPortInUseByAnotherSimulatorServerIsRefused() throws Exception {
        SimOptions samePort = null;
        // A port free a moment ago may be taken by the time the server binds it: then another one is tried.
        for (int attempt = 1; server == null; attempt++) {
            int free;
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                free = probe.getLocalPort();
            }
            samePort = SimOptions.DEFAULT.withPort(free);
            try {
                server = SimServer.start(samePort, new CounterSimulator());
            } catch (java.io.UncheckedIOException taken) {
                if (attempt == 10) {
                    throw taken;
                }
            }
        }
        SimOptions fixed = samePort;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimServer.start(fixed, new CounterSimulator()))
                .hasMessageContaining("could not start the simulator on 127.0.0.1:" + fixed.port());
        // A server on a port chosen at run time is not shared either.
        SimOptions itsPort = SimOptions.DEFAULT.withPort(0);
        try (SimServer chosen = SimServer.start(itsPort, new CounterSimulator())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimServer.start(SimOptions.DEFAULT.withPort(chosen.port()),
                    new CounterSimulator())).hasMessageContaining("could not start the simulator on 127.0.0.1:" + chosen.port());
        }
    }
}
