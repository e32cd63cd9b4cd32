package dev.switchboard.systems.officelinx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.RetryPolicy;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.officelinx.sim.OfficelinxDialects;
import dev.switchboard.systems.officelinx.sim.OfficelinxSimulator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the provider cannot detect is a target setting, and its error says which: {@code apiRoot} for an
 * API not under {@code /UCBusinessRest/api}, {@code tokenPath} for a token endpoint at neither known path.
 */
@QuarkusTest
class OfficelinxSettingsTest {

    private static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20));

    @Inject
    OfficelinxProviderFactory factory;

    private Provider open(SimServer server, Map<String, Object> settings) {
        Map<String, Object> options = new HashMap<>(settings);
        options.put("pbx", 1);
        TargetSpec target = new TargetSpec("olx-settings", "officelinx", server.baseUri().toString(),
                Map.of("clientId", "switchboard", "clientSecret", "switchboard", "username", "admin", "password", "admin"),
                options, TargetSpec.Tls.DEFAULT, TargetSpec.Policy.DEFAULT);
        return factory.open(target, server.baseUri(), FAST, Clock.systemUTC());
    }

    private static SimServer serverIn(String dialect) {
        return SimServer.start(SimOptions.DEFAULT, new OfficelinxSimulator(SimCredentials.DEFAULT,
                OfficelinxDialects.of(Map.of(dialect, "true"))));
    }

    @Test
    void anApiOutsideTheDocumentedRootNeedsApiRootAndTheErrorSaysSo() {
        try (SimServer server = serverIn(OfficelinxDialects.API_ROOT_BARE)) {
            try (Provider provider = open(server, Map.of())) {
                assertThatThrownBy(() -> provider.fetchLiveState(FetchProgress.NONE))
                        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getMessage())
                                .contains("GET /UCBusinessRest/api/EEAMCompanies?pbxid=1", "HTTP 404", "set apiRoot on the target"));
            }
            try (Provider provider = open(server, Map.of("apiRoot", "/api/"))) {
                assertThat(provider.fetchLiveState(FetchProgress.NONE).size()).as("company 1 and feature group 1").isEqualTo(2);
            }
        }
    }

    @Test
    void theShortTokenPathIsFoundAloneButATokenPathThatIsSetIsTheOnlyOneTried() {
        try (SimServer server = serverIn(OfficelinxDialects.TOKEN_PATH_SHORT)) {
            try (Provider provider = open(server, Map.of())) {
                assertThat(provider.fetchLiveState(FetchProgress.NONE).size()).isEqualTo(2);
            }
            try (Provider provider = open(server, Map.of("tokenPath", "/UCOAuth2/oauth/token"))) {
                assertThatThrownBy(() -> provider.fetchLiveState(FetchProgress.NONE))
                        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getMessage())
                                .contains("POST /UCOAuth2/oauth/token", "HTTP 404", "set tokenPath on the target")
                                .doesNotContain("admin:"));
            }
        }
    }
}
