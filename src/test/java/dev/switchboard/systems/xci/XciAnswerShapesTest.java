package dev.switchboard.systems.xci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.Provider;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.xci.sim.XciDialects;
import dev.switchboard.systems.xci.sim.XciSimulator;
import java.util.List;
import java.util.Map;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provider against the XCI simulator where it answers less than by default: every create answered 201
 * with no body ({@code xci.created-empty}), and a user outside its entity's intervals, as the document's own
 * user 6260 is. The first test fails if a create stops looking the object up by natural key.
 */
@QuarkusTest
class XciAnswerShapesTest {

    private XciSimulator simulator;
    private SimServer server;
    private Provider provider;
    private final XciFixtures.Ids ids = new XciFixtures.Ids();

    private void start(Map<String, String> dialects) {
        simulator = new XciSimulator(SimCredentials.DEFAULT, XciDialects.of(dialects));
        server = SimServer.start(SimOptions.DEFAULT, simulator);
        provider = new XciProviderFactory(ApiObserver.NONE)
                .open(XciFixtures.target(server.baseUri().toString(), "admin", "admin"), server.baseUri());
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

    private Resource create(Resource desired) {
        return ids.remember(((Creator) provider.type(desired.kind()).orElseThrow()).create(desired, ids));
    }

    @Test
    void aCreateAnsweredWithoutTheObjectIsFoundByItsNaturalKeyAndMadeOnce() {
        start(Map.of(XciDialects.CREATED_EMPTY, "true"));
        List<Resource> all = List.of(XciProviderSimulatorTest.xivoDesired(), XciProviderSimulatorTest.entityDesired(),
                XciProviderSimulatorTest.templateDesired(), XciProviderSimulatorTest.userDesired(),
                XciProviderSimulatorTest.administratorDesired());
        Map<Resource, Resource> created = new java.util.LinkedHashMap<>();
        for (Resource desired : all) {
            created.put(desired, create(desired));
        }
        ResourceSet live = provider.fetchLiveState(FetchProgress.NONE);
        created.forEach((desired, made) -> {
            assertThat(made.key()).isEqualTo(desired.key());
            assertThat(made.id()).as(desired.key() + ": the ID of the object on the server")
                    .isEqualTo(live.get(desired.key()).orElseThrow().id());
        });
        JsonNode state = simulator.snapshot();
        for (String collection : List.of("xivos", "entities", "users", "templates")) {
            assertThat(state.path(collection)).as(collection + " made once").hasSize(1);
        }
        assertThat(state.path("administrators")).as("the installer's admin and ops").hasSize(2);
    }

    @Test
    void theDocumentsUser6260OutsideItsEntitysIntervalsIsCreatedAndReadBack() {
        start(Map.of());
        create(XciProviderSimulatorTest.xivoDesired());
        create(XciFixtures.desired(XciKinds.ENTITY, Map.of("name", "default", "xivo", "xivo-220", "displayName", "Default",
                "intervals", List.of(Map.of("start", "3990000", "end", "3999999"),
                        Map.of("start", "39990000", "end", "39999999")), "presentedNumber", "inbNo"), "default@xivo-220"));
        create(XciProviderSimulatorTest.templateDesired());
        Map<String, Object> fields = new java.util.LinkedHashMap<>(XciProviderSimulatorTest.userDesired().fields());
        fields.put("internalNumber", "6260");
        create(XciFixtures.desired(XciKinds.USER, fields, "xivo-220", "6260"));
        assertThat(provider.fetchLiveState(FetchProgress.NONE).ofKind(XciKinds.USER))
                .extracting(user -> user.key().leaf()).containsExactly("6260");
    }
}
