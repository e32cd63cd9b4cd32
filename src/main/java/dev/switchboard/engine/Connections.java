package dev.switchboard.engine;

import dev.switchboard.system.TargetSystems;
import dev.switchboard.system.TargetSystem;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderFactory;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.sim.Simulator;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens a {@link Connection} to a target: the provider for its kind, pointed at its URL or, for
 * {@code url: embedded}, at a simulator started for it on loopback with its state in
 * {@code .switchboard/sim/<target>.json} under the desired-state directory, so that successive
 * commands see the same server. The simulator plays the dialects and knobs of the target's {@code sim:}.
 */
@ApplicationScoped
public class Connections {

    /** Where embedded simulators keep their state, relative to the desired-state directory. */
    public static final Path SIM_STATE_DIR = Path.of(".switchboard", "sim");

    private final TargetSystems systems;

    public Connections(TargetSystems systems) {
        this.systems = systems;
    }

    /** The installed systems' kinds' parents and updatable keys, for pairing {@code renamedFrom}. */
    public dev.switchboard.diff.RenameRules renameRules() {
        // a Connections that tests make of their own providers has no systems: no kind then renames in place
        return systems == null ? dev.switchboard.diff.RenameRules.NONE : systems.renameRules();
    }

    public List<String> supportedKinds() {
        return systems.targetKinds();
    }

    /**
     * @param configDir the desired-state directory, where embedded simulators keep their state
     * @throws EngineException when no provider or simulator exists for the target's kind
     */
    public Connection open(Path configDir, TargetSpec target) {
        TargetSystem system = systems.find(target.kind()).orElseThrow(() -> new EngineException(
                "target " + target.name() + ": no target system of kind '" + target.kind() + "' is installed (known: "
                        + String.join(", ", supportedKinds()) + ")"));
        ProviderFactory factory = system.providers();
        if (!target.isEmbedded()) {
            return new Connection(factory.open(target, URI.create(target.url())), Optional.empty());
        }
        Simulator simulator;
        try {
            simulator = system.simulator(SimCredentials.DEFAULT, target.sim().dialects(), target.sim().options());
        } catch (IllegalArgumentException unknown) {
            throw new EngineException("target " + target.name() + ": sim: " + unknown.getMessage());
        }
        Path stateFile = configDir.resolve(SIM_STATE_DIR).resolve(target.name() + ".json");
        SimServer server = SimServer.start(SimOptions.DEFAULT.withStateFile(stateFile), simulator);
        try {
            Provider provider = factory.open(target, server.baseUri());
            return new Connection(provider, Optional.of(server));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
