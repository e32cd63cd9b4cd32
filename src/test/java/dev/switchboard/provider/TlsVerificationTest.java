package dev.switchboard.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.systems.officelinx.OfficelinxProviderFactory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS verification is always on: a server whose certificate no trusted CA signed is refused, unless the
 * target trusts its CA ({@code tls.caFile}) or turns verification off ({@code insecureSkipVerify}).
 */
@QuarkusTest
class TlsVerificationTest {

    private static Path dir;
    private static WireMockServer server;

    @Inject
    OfficelinxProviderFactory factory;

    @BeforeAll
    static void serveHttpsWithAFreshSelfSignedCertificate() throws Exception {
        dir = Files.createTempDirectory("switchboard-tls");
        Path keystore = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", dir.resolve("ca.pem").toString());
        server = new WireMockServer(options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(keystore.toString()).keystorePassword("changeit").keyManagerPassword("changeit")
                .keystoreType("PKCS12"));
        server.start();
        server.stubFor(post(urlPathEqualTo("/UCOAuth2/oauth2/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"T\",\"expires_in\":3600,\"refresh_token\":\"R\",\"scope\":\"x\",\"token_type\":\"bearer\"}")));
        server.stubFor(get(urlPathEqualTo("/UCBusinessRest/api/EEAMCompanies")).willReturn(aResponse().withStatus(404)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private ResourceSet fetchWith(TargetSpec.Tls tls) {
        URI url = URI.create("https://127.0.0.1:" + server.httpsPort());
        TargetSpec target = new TargetSpec("olx-tls", "officelinx", url.toString(),
                Map.of("clientId", "c", "clientSecret", "s", "username", "u", "password", "p"), Map.of(), tls,
                TargetSpec.Policy.DEFAULT);
        try (Provider provider = factory.open(target, url)) {
            return provider.fetchLiveState(FetchProgress.NONE);
        }
    }

    @Test
    void refusesAServerWhoseCertificateNoTrustedAuthoritySigned() {
        server.resetRequests();
        assertThatThrownBy(() -> fetchWith(TargetSpec.Tls.DEFAULT)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("target olx-tls").hasMessageContaining("no response")
                .hasMessageContaining("set tls.caFile");
        assertThat(server.getAllServeEvents()).as("no request got through").isEmpty();
    }

    @Test
    void trustsTheServerWhenItsCaIsTheTargetsCaFile() {
        ResourceSet live = fetchWith(new TargetSpec.Tls(Optional.of(dir.resolve("ca.pem").toString()), false));
        assertThat(live.size()).isZero();
    }

    @Test
    void skipsVerificationOnlyWhenTheTargetSaysSo() {
        ResourceSet live = fetchWith(new TargetSpec.Tls(Optional.empty(), true));
        assertThat(live.size()).isZero();
    }
}
