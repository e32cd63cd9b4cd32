package dev.switchboard.engine;

import dev.switchboard.provider.Provider;
import dev.switchboard.sim.SimServer;
import java.util.Optional;

/**
 * An open provider for one target and, for an {@code url: embedded} target, the simulator it talks
 * to. Closing it closes both; the simulator saves its state on close.
 */
public final class Connection implements AutoCloseable {

    private final Provider provider;
    private final Optional<SimServer> simulator;

    Connection(Provider provider, Optional<SimServer> simulator) {
        this.provider = provider;
        this.simulator = simulator;
    }

    public Provider provider() {
        return provider;
    }

    public Optional<SimServer> simulator() {
        return simulator;
    }

    @Override
    public void close() {
        try {
            provider.close();
        } finally {
            simulator.ifPresent(SimServer::close);
        }
    }
}
