package dev.switchboard.dialects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cli.ExitCodes;
import io.quarkus.runtime.Quarkus;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real commands: an embedded target's {@code sim: dialects} reach its simulator, and
 * {@code switchboard sim --dialect} serves the dialects it is given and refuses one it does not know.
 */
@QuarkusMainTest
class DialectCommandsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void simDialectsOnAnEmbeddedTargetAndOnTheSimCommand(QuarkusMainLauncher launcher) throws Exception {
        Files.writeString(temp.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                targets:
                  olx:
                    kind: officelinx
                    url: embedded
                    auth: { clientId: switchboard, clientSecret: switchboard, username: admin, password: admin }
                    apiRoot: /api
                    sim: { dialects: [olx.api-root-bare, olx.empty-list-404, olx.token-path-short] }
                """);
        Files.writeString(temp.resolve("acme.yaml"), """
                target: olx
                companies:
                  - name: Acme
                    featureGroups: [ { number: 56, name: Standard } ]
                """);
        LaunchResult apply = launcher.launch("apply", "-c", temp.toString(), "--auto-approve");
        assertThat(apply.exitCode()).as(apply.getOutput() + apply.getErrorOutput()).isEqualTo(ExitCodes.OK);
        // apiRoot /api works only because the embedded simulator plays olx.api-root-bare as sim: says
        assertThat(apply.getOutput()).contains("2 applied, 0 failed");
        LaunchResult unknown = launcher.launch("sim", "--port", "0", "--dialect", "olx.empty-list-405");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(unknown.getErrorOutput()).contains("no dialect olx.empty-list-405").contains("olx.empty-list-404");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Thread[] runner = new Thread[1];
        CompletableFuture<LaunchResult> sim = CompletableFuture.supplyAsync(() -> {
            runner[0] = Thread.currentThread();
            return launcher.launch("sim", "--port", String.valueOf(port), "--dialect", "olx.token-path-short",
                    "--dialect", "xci.login-303");
        });
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpResponse<String> login = null;
        // Until the server answers or the command ends (its own failure, shown by the assertion below): no
        // deadline of the test's own, so a slow start on a loaded machine only waits longer.
        while (login == null && !sim.isDone()) {
            try {
                login = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/1.0/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"admin\",\"password\":\"admin\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException notYet) {
                try {
                    sim.get(100, TimeUnit.MILLISECONDS); // returns at once if the command has ended
                } catch (java.util.concurrent.TimeoutException stillStarting) {
                    // try again
                }
            }
        }
        try {
            assertThat(login).as("switchboard sim answered").isNotNull();
            assertThat(login.statusCode()).as("xci.login-303").isEqualTo(303);
            String grant = "grant_type=password&client_id=switchboard&client_secret=switchboard&username=admin&password=admin";
            assertThat(post(base.resolve("/UCOAuth2/oauth2/token"), grant).statusCode()).as("olx.token-path-short").isEqualTo(404);
            assertThat(post(base.resolve("/UCOAuth2/token"), grant).statusCode()).isEqualTo(200);
        } finally {
            // the command waits for Quarkus to be told to exit, by the Quarkus of the launched application's class loader
            runner[0].getContextClassLoader().loadClass(Quarkus.class.getName()).getMethod("asyncExit").invoke(null);
        }
        LaunchResult served = sim.get(30, TimeUnit.SECONDS);
        assertThat(served.getOutput()).contains("Dialects: olx.token-path-short, xci.login-303");
    }

    private static HttpResponse<String> post(URI uri, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
