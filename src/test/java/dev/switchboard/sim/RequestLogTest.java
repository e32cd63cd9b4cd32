package dev.switchboard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.systems.InstalledSystems;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request log of one simulated server of a fleet: what was asked, in order, in memory and in its file. */
class RequestLogTest {

    @TempDir
    Path dir;

    @Test
    void recordsEachRequestsMethodPathAndStatusButNeverItsBody() throws Exception {
        Path file = dir.resolve("s000-officelinx.log");
        RequestLog log = new RequestLog(InstalledSystems.all().find("officelinx").orElseThrow()
                .simulator(SimCredentials.DEFAULT), file);
        try (SimServer server = SimServer.start(SimOptions.DEFAULT, log)) {
            HttpClient http = HttpClient.newHttpClient();
            http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/UCOAuth2/token"))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=admin&password=s3cret-in-body"))
                    .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/UCBusinessRest/api/EEAMCompanies")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        List<RequestLog.Entry> entries = log.entries();
        assertThat(entries).extracting(RequestLog.Entry::method).containsExactly("POST", "GET");
        assertThat(entries).extracting(RequestLog.Entry::path)
                .containsExactly("/UCOAuth2/token", "/UCBusinessRest/api/EEAMCompanies");
        assertThat(entries.get(1).status()).isEqualTo(401); // no token: the simulator refuses it, the log says so
        assertThat(log.writes()).hasSize(1);
        assertThat(entries.get(0).ended()).isAfterOrEqualTo(entries.get(0).started());
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).endsWith(" GET /UCBusinessRest/api/EEAMCompanies 401");
        assertThat(Files.readString(file)).doesNotContain("s3cret-in-body");
        log.clear();
        assertThat(log.entries()).isEmpty();
    }
}
