package dev.switchboard.systems.gws.provider;

import static dev.switchboard.systems.gws.provider.GwsFixtures.NO_IDS;
import static dev.switchboard.systems.gws.provider.GwsFixtures.desired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.RetryPolicy;
import dev.switchboard.provider.UnconfirmedWriteException;
import dev.switchboard.provider.Updater;
import dev.switchboard.sim.Fault;
import dev.switchboard.sim.FaultRule;
import dev.switchboard.sim.MutableClock;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.gws.GwsKinds;
import dev.switchboard.systems.gws.sim.GwsSimSettings;
import dev.switchboard.systems.gws.sim.GwsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provider against the simulator over real HTTP. The read-back waits with a sleeper that moves the
 * simulator's clock, so a 2 s apply delay or a 30 s timeout takes no real time. A Quarkus test because
 * the Quarkus REST client needs a running application.
 */
@QuarkusTest
class GwsProviderSimulatorTest {

    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2));

    private final MutableClock clock = new MutableClock();
    private final List<Duration> pauses = new ArrayList<>();
    private SimServer server;
    private GwsSimulator simulator;
    private GwsProvider provider;

    private GwsProvider open(GwsSimSettings settings, long confirmTimeoutMs) {
        simulator = new GwsSimulator(SimCredentials.DEFAULT, settings, clock);
        server = SimServer.start(SimOptions.DEFAULT, simulator);
        provider = new GwsProviderFactory(ApiObserver.NONE).open(
                GwsFixtures.target(server.baseUri().toString(), "admin", "admin", confirmTimeoutMs),
                server.baseUri(), QUICK, pause -> {
                    pauses.add(pause);
                    clock.advance(pause);
                });
        return provider;
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Creator users() {
        return (Creator) provider.types().get(0);
    }

    private Resource live(String userName) {
        return provider.fetchLiveState(FetchProgress.NONE).get(dev.switchboard.model.ResourceKey.of(GwsKinds.USER, userName))
                .orElseThrow();
    }

    @Test
    void aFreshServerHoldsItsAdminWhichIsNeverDeleted() {
        open(GwsSimSettings.DEFAULT, 30_000);
        ResourceSet live = provider.fetchLiveState(FetchProgress.NONE);
        assertThat(live.ofKind(GwsKinds.USER)).extracting(r -> r.key().leaf()).containsExactly("admin");
        assertThat(((Deleter) users()).deletionRefusal(live("admin"))).get().asString()
                .contains("logs in as");
    }

    @Test
    void aCreateAppliedLateIsWaitedForThenCounts() {
        open(GwsSimSettings.DEFAULT.with("apply-delay-ms", "2000"), 30_000);
        Resource created = users().create(desired("ksippo", List.of("ROLE_AGENT"), "pw"), NO_IDS);
        assertThat(created.id()).isPresent();
        assertThat(created.fields()).containsEntry("roles", List.of("ROLE_AGENT")).doesNotContainKey("password");
        assertThat(pauses).isNotEmpty();
        assertThat(pauses.stream().mapToLong(Duration::toMillis).sum()).isBetween(2000L, 4000L);
        assertThat(provider.fetchLiveState(FetchProgress.NONE).size()).isEqualTo(2);
    }

    @Test
    void aCreateAnsweredZeroButNeverAppliedIsUnconfirmedAfterTheBoundedWait() {
        open(GwsSimSettings.DEFAULT.with("drop-writes", "1"), 30_000);
        assertThatThrownBy(() -> users().create(desired("lost", List.of("ROLE_AGENT"), "pw"), NO_IDS))
                .isInstanceOf(UnconfirmedWriteException.class)
                .hasMessageContaining("user lost").hasMessageContaining("after 30 s").hasMessageContaining("unconfirmed");
        assertThat(pauses.stream().mapToLong(Duration::toMillis).sum()).isEqualTo(30_000L);
        assertThat(pauses).contains(Duration.ofSeconds(5)).allMatch(p -> p.compareTo(Duration.ofSeconds(5)) <= 0);
        assertThat(pauses.get(0)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void anUpdateReplacesTheRoleSetKeepsOtherFieldsAndIsConfirmed() {
        open(GwsSimSettings.DEFAULT.with("apply-delay-ms", "1500"), 30_000);
        users().create(desired("ksippo", List.of("ROLE_AGENT"), "pw"), NO_IDS);
        Resource before = live("ksippo");
        Resource after = GwsFixtures.with(desired("ksippo", List.of("ROLE_SUPERVISOR", "ROLE_ADMIN"), null),
                "lastName", "Hart");
        ((Updater) users()).update(before, after, Set.of("roles"), NO_IDS);
        Resource updated = live("ksippo");
        assertThat(updated.fields()).containsEntry("roles", List.of("ROLE_SUPERVISOR", "ROLE_ADMIN"))
                .containsEntry("lastName", "Sippola");
    }

    @Test
    void anUpdateNeverAppliedIsUnconfirmed() {
        open(GwsSimSettings.DEFAULT, 5_000);
        users().create(desired("ksippo", List.of("ROLE_AGENT"), "pw"), NO_IDS);
        simulator.configure(GwsSimSettings.DEFAULT.with("drop-writes", "all"));
        assertThatThrownBy(() -> ((Updater) users()).update(live("ksippo"),
                desired("ksippo", List.of("ROLE_ADMIN"), null), Set.of("roles"), NO_IDS))
                .isInstanceOf(UnconfirmedWriteException.class).hasMessageContaining("PUT /api/v2/users/");
    }

    @Test
    void updatesFallBackToPostOnAServerThatRefusesPut() {
        open(GwsSimSettings.DEFAULT.with("update-verbs", "post"), 30_000);
        users().create(desired("ksippo", List.of("ROLE_AGENT"), "pw"), NO_IDS);
        ((Updater) users()).update(live("ksippo"), desired("ksippo", List.of("ROLE_ADMIN"), null), Set.of("roles"), NO_IDS);
        assertThat(live("ksippo").fields()).containsEntry("roles", List.of("ROLE_ADMIN"));
    }

    @Test
    void aDeleteIsConfirmedOnceTheUserIsGone() {
        open(GwsSimSettings.DEFAULT.with("apply-delay-ms", "2000"), 30_000);
        users().create(desired("ksippo", List.of("ROLE_AGENT"), "pw"), NO_IDS);
        ((Deleter) users()).delete(live("ksippo"));
        assertThat(provider.fetchLiveState(FetchProgress.NONE).size()).isEqualTo(1);
    }

    @Test
    void aDuplicateUserNameIsAClearError() {
        open(GwsSimSettings.DEFAULT, 30_000);
        users().create(desired("test", List.of("ROLE_AGENT"), "pw"), NO_IDS);
        assertThatThrownBy(() -> users().create(desired("test", List.of("ROLE_AGENT"), "pw"), NO_IDS))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("user test: POST /api/v2/users -> HTTP 403")
                .hasMessageContaining("statusCode 18 (the resource already exists)")
                .hasMessageContaining("User 'test' already exists");
    }

    @Test
    void aResetAfterACreateIsLookedUpByUserNameAndNeverCreatedTwice() {
        open(GwsSimSettings.DEFAULT.with("apply-delay-ms", "2000"), 30_000);
        server.inject(new FaultRule(Fault.RESET_AFTER, "POST", Pattern.compile("/api/v2/users"), 1));
        Resource desired = desired("ksippo", List.of("ROLE_AGENT"), "pw");
        assertThatThrownBy(() -> users().create(desired, NO_IDS))
                .isInstanceOf(ProviderException.class)
                .matches(e -> ((ProviderException) e).outcomeUnknown());
        assertThat(users().findByKey(desired, NO_IDS)).get().extracting(r -> r.key().leaf()).isEqualTo("ksippo");
        assertThat(provider.fetchLiveState(FetchProgress.NONE).ofKind(GwsKinds.USER)).hasSize(2);
    }

    @Test
    void aDeleteWhoseAnswerWasLostIsAnUnknownOutcomeAndTheUserIsFoundStillThereUntilItIsCarriedOut() {
        open(GwsSimSettings.DEFAULT.with("apply-delay-ms", "2000"), 30_000);
        users().create(desired("ksippo", List.of("ROLE_AGENT"), "pw"), NO_IDS);
        Resource live = live("ksippo");
        server.inject(new FaultRule(Fault.RESET_AFTER, "DELETE", Pattern.compile("/api/v2/users/.*"), 1));
        assertThatThrownBy(() -> ((Deleter) users()).delete(live)).isInstanceOf(ProviderException.class)
                .matches(e -> ((ProviderException) e).outcomeUnknown());
        assertThat(users().findByKey(live, NO_IDS)).get().extracting(Resource::requireId).isEqualTo(live.requireId());
        ((Deleter) users()).delete(live);
        assertThat(provider.fetchLiveState(FetchProgress.NONE).ofKind(GwsKinds.USER)).hasSize(1);
    }

    @Test
    void theProviderCopesWithEveryDialect() {
        open(GwsSimSettings.DEFAULT.with("create-status", "number").with("error-status", "200")
                .with("search", "ignored").with("update-verbs", "put"), 30_000);
        users().create(desired("ksippo", List.of("ROLE_AGENT"), "pw"), NO_IDS);
        Resource desired = desired("other", List.of("ROLE_AGENT"), "pw");
        assertThat(users().findByKey(desired, NO_IDS)).isEmpty();
        users().create(desired, NO_IDS);
        ((Deleter) users()).delete(live("ksippo"));
        assertThat(provider.fetchLiveState(FetchProgress.NONE).ofKind(GwsKinds.USER))
                .extracting(r -> r.key().leaf()).containsExactlyInAnyOrder("admin", "other");
    }

    @Test
    void aServerThatListsOnlyUrisIsReadUserByUser() {
        open(GwsSimSettings.DEFAULT.with("list", "uris"), 30_000);
        for (String name : List.of("a1", "a2", "a3", "a4")) {
            users().create(desired(name, List.of("ROLE_AGENT"), "pw"), NO_IDS);
        }
        long before = server.requestCount();
        ResourceSet live = provider.fetchLiveState(FetchProgress.NONE);
        assertThat(live.ofKind(GwsKinds.USER)).extracting(r -> r.key().leaf())
                .containsExactlyInAnyOrder("admin", "a1", "a2", "a3", "a4");
        assertThat(live.get(dev.switchboard.model.ResourceKey.of(GwsKinds.USER, "a1")).orElseThrow().fields())
                .containsEntry("roles", List.of("ROLE_AGENT"));
        assertThat(server.requestCount() - before).isEqualTo(1 + 1 + 5);
        assertThat(users().findByKey(desired("a3", List.of("ROLE_AGENT"), null), NO_IDS)).isPresent();
    }

    @Test
    void manyUserNamesAreSearchedInSeveralRequestsUnderTheUrlLimit() {
        open(GwsSimSettings.DEFAULT, 30_000);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            names.add("user-with-a-rather-long-name-" + i);
        }
        names.add("admin");
        long before = server.requestCount();
        assertThat(provider.client().findUsers(names, java.util.Optional.empty()))
                .extracting(u -> u.path("userName").asText()).containsExactly("admin");
        assertThat(server.requestCount() - before).isGreaterThan(4);
    }

    @Test
    void theVersionIsReadWithoutCredentials() {
        open(GwsSimSettings.DEFAULT, 30_000);
        assertThat(provider.client().version()).isEqualTo("8.5.200.50");
    }
}
