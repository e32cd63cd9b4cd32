package dev.switchboard.sim;

import dev.switchboard.sim.officelinx.OfficelinxSimulator;
import dev.switchboard.sim.xci.XciSimulator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The simulators Switchboard ships, by the target kind they stand in for. {@code url: embedded}
 * targets and {@code switchboard sim} both start them from here.
 */
public final class SimulatorCatalog {

    private static final Map<String, Function<SimCredentials, Simulator>> BY_TARGET_KIND = new LinkedHashMap<>();

    static {
        BY_TARGET_KIND.put("officelinx", OfficelinxSimulator::new);
        BY_TARGET_KIND.put("xci", XciSimulator::new);
    }

    private SimulatorCatalog() {
    }

    /** A freshly installed server of {@code targetKind}, or empty when none is simulated yet. */
    public static Optional<Simulator> create(String targetKind, SimCredentials credentials) {
        return Optional.ofNullable(BY_TARGET_KIND.get(targetKind)).map(factory -> factory.apply(credentials));
    }

    /** One of every simulator, for {@code switchboard sim}. */
    public static List<Simulator> all(SimCredentials credentials) {
        return BY_TARGET_KIND.values().stream().map(factory -> factory.apply(credentials)).toList();
    }

    public static List<String> targetKinds() {
        return List.copyOf(BY_TARGET_KIND.keySet());
    }
}
