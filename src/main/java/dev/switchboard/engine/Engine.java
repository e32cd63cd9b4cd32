package dev.switchboard.engine;

import dev.switchboard.desired.Suggestions;
import dev.switchboard.system.TargetSystems;
import dev.switchboard.desired.DesiredStateLoader;
import dev.switchboard.desired.DesiredState;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import dev.switchboard.model.TargetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The pipeline of SPEC section 4, composed in one place: fetch live state, pair, diff, plan, gate,
 * apply. Commands and the daemon open an {@link EngineSession} on a desired state and call
 * {@link EngineSession#plan} and {@link EngineSession#apply}; nothing else talks to providers.
 */
@ApplicationScoped
public class Engine {

    private final Connections connections;
    private final TargetSystems systems;
    private final DesiredStateLoader loader;
    private final Clock clock;
    private final ApplyLocks locks;

    @jakarta.inject.Inject
    public Engine(Connections connections, TargetSystems systems, KubernetesClients kubernetes) {
        this(connections, systems, Clock.systemUTC(), ApplyLocks.of(kubernetes));
    }

    /** An engine that locks with files only ({@link ApplyLocks#FILES_ONLY}). */
    public Engine(Connections connections, TargetSystems systems, Clock clock) {
        this(connections, systems, clock, ApplyLocks.FILES_ONLY);
    }

    /**
     * @param clock what sessions read the time from: change windows, journals, locks (a test moves it)
     * @param locks where apply locks are taken, as each repository's {@code settings.lock} says
     */
    public Engine(Connections connections, TargetSystems systems, Clock clock, ApplyLocks locks) {
        this.connections = connections;
        this.systems = systems;
        this.loader = new DesiredStateLoader(systems.fileFormats(), systems.numberFields());
        this.clock = clock;
        this.locks = locks;
    }

    public Clock clock() {
        return clock;
    }

    /** The target systems installed. */
    public TargetSystems systems() {
        return systems;
    }

    /** Reads desired-state directories with the file formats of the installed systems. */
    public DesiredStateLoader loader() {
        return loader;
    }

    /**
     * Opens connections to {@code targets} (every target when empty) of {@code state}, starting the
     * simulators of embedded ones.
     *
     * @throws EngineException when a target is unknown or cannot be opened
     */
    public EngineSession open(DesiredState state, Set<String> targets) {
        return open(state, targets, OptionalInt.empty(), state.dir());
    }

    /**
     * As {@link #open(DesiredState, Set)}, with every target's concurrent API calls (fetch and apply)
     * set to {@code parallelism} when given ({@code --parallelism}).
     */
    public EngineSession open(DesiredState state, Set<String> targets, OptionalInt parallelism) {
        return open(state, targets, parallelism, state.dir());
    }

    /**
     * As {@link #open(DesiredState, Set)}, keeping embedded simulators' state, write-only fingerprints
     * and apply journals under {@code workDir} instead of the desired-state directory: the daemon checks
     * every commit out into a fresh directory, so its {@code .switchboard/} must outlast a commit.
     */
    public EngineSession open(DesiredState state, Set<String> targets, Path workDir) {
        return open(state, targets, OptionalInt.empty(), workDir);
    }

    /**
     * As {@link #open(DesiredState, Set, OptionalInt)}, taking over the connections and live state that
     * {@code prefetch} read of targets whose declaration is still the one it read.
     */
    public EngineSession open(DesiredState state, Set<String> targets, OptionalInt parallelism, Prefetch prefetch) {
        return open(state, targets, parallelism, state.dir(), prefetch);
    }

    /**
     * Starts reading the live state of {@code targets} (every target when empty) of the desired state in
     * {@code dir}, as its {@code switchboard.yaml} declares them, while the caller loads the rest: see
     * {@link Prefetch}. Reads nothing when {@code switchboard.yaml} has a problem (the load reports it).
     */
    public Prefetch prefetch(Path dir, Set<String> targets, OptionalInt parallelism) {
        Map<String, TargetSpec> selected = new LinkedHashMap<>();
        loader.targets(dir, targets).ifPresent(declared -> declared.forEach((name, spec) -> {
            if (targets.isEmpty() || targets.contains(name)) {
                selected.put(name, EngineSession.withParallelism(spec, parallelism));
            }
        }));
        return selected.isEmpty() ? Prefetch.NONE
                : Prefetch.start(selected, dir.toAbsolutePath().normalize(), connections);
    }

    private EngineSession open(DesiredState state, Set<String> targets, OptionalInt parallelism, Path workDir) {
        return open(state, targets, parallelism, workDir, Prefetch.NONE);
    }

    private EngineSession open(DesiredState state, Set<String> targets, OptionalInt parallelism, Path workDir,
                               Prefetch prefetch) {
        List<String> selected = new ArrayList<>();
        for (String name : targets) {
            if (!state.targets().containsKey(name)) {
                throw new EngineException("no target named '" + name + "' in " + state.dir().resolve("switchboard.yaml")
                        + " (targets: " + String.join(", ", state.targets().keySet()) + ")"
                        + Suggestions.closest(name, state.targets().keySet()).map(t -> "; did you mean '" + t + "'?").orElse(""));
            }
        }
        for (String name : state.targets().keySet()) {
            if (targets.isEmpty() || targets.contains(name)) {
                selected.add(name);
            }
        }
        return new EngineSession(state, selected, workDir.toAbsolutePath(), connections, systems.normalizers(), clock,
                parallelism, prefetch, locks);
    }
}
