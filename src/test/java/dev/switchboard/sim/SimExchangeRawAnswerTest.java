package dev.switchboard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A simulator can answer in any media type (XML by {@code Accept}) and with statuses HTTP never named (747). */
class SimExchangeRawAnswerTest {

    private static final class XmlSimulator implements Simulator {
        @Override
        public String name() {
            return "xml";
        }

        @Override
        public List<String> pathPrefixes() {
            return List.of("/xml");
        }

        @Override
        public void handle(SimExchange exchange) {
            int status = exchange.path().endsWith("/duplicate") ? 747 : 200;
            exchange.respond(status, "application/xml", "<entry><number>200</number></entry>".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public JsonNode snapshot() {
            return NullNode.getInstance();
        }

        @Override
        public void restore(JsonNode state) {
        }
    }

    @Test
    void answersTheBodyAsItIsWithItsOwnMediaTypeAndStatus() throws Exception {
        try (SimServer server = SimServer.start(SimOptions.DEFAULT, new XmlSimulator())) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (String path : List.of("/xml/entry", "/xml/duplicate")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(path.endsWith("duplicate") ? 747 : 200);
                assertThat(answer.headers().firstValue("Content-Type")).contains("application/xml");
                assertThat(answer.body()).isEqualTo("<entry><number>200</number></entry>");
            }
        }
    }
}
