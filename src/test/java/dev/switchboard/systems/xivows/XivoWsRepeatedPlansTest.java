package dev.switchboard.systems.xivows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.desired.DesiredState;
import dev.switchboard.engine.ApplyOptions;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineSession;
import dev.switchboard.engine.PlanRequest;
import dev.switchboard.engine.Progress;
import dev.switchboard.plan.Plan;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.xivows.sim.XivoWsSimulator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's repeated plans of an unchanged XiVO, as its reconciler makes them (one engine session per
 * pass, in one application): after the first, every list and view is answered 304, counted by the simulator.
 */
@QuarkusTest
class XivoWsRepeatedPlansTest {

    @Inject
    Engine engine;

    @TempDir
    Path temp;

    @Test
    void aSecondPlanOfAnUnchangedXivoIsAnsweredBy304s() throws IOException {
        XivoWsSimulator simulator = new XivoWsSimulator(SimCredentials.DEFAULT);
        try (SimServer server = SimServer.start(SimOptions.DEFAULT, simulator)) {
            Path dir = copyFixture(server.baseUri().toString());
            DesiredState state = engine.loader().load(dir).requireValid();
            try (EngineSession session = engine.open(state, Set.of("xivo-lyon"), dir)) {
                Plan plan = session.plan(PlanRequest.EVERYTHING, Progress.NONE);
                session.apply(plan, ApplyOptions.DEFAULT, Progress.NONE);
            }
            assertThat(pass(state, dir).targets().get(0).hasChanges()).isFalse();

            long requests = server.requestCount();
            long notModified = simulator.notModifiedCount();
            Plan again = pass(state, dir);

            assertThat(again.targets().get(0).hasChanges()).isFalse();
            // entities, lines, users, pickups, mail, three user views and one pickup view
            assertThat(server.requestCount() - requests).isEqualTo(9);
            assertThat(simulator.notModifiedCount() - notModified).as("every read answered 304").isEqualTo(9);
        }
    }

    private Plan pass(DesiredState state, Path dir) {
        try (EngineSession session = engine.open(state, Set.of("xivo-lyon"), dir)) {
            return session.plan(PlanRequest.EVERYTHING, Progress.NONE);
        }
    }

    private Path copyFixture(String url) throws IOException {
        Path source = Path.of("src/test/resources/systems/xivo-ws/lyon");
        Path target = temp.resolve("lyon");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path config = target.resolve("switchboard.yaml");
        Files.writeString(config, Files.readString(config).replace("url: URL", "url: " + url));
        return target;
    }
}
