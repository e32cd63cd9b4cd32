package dev.switchboard.cli;

import java.util.Map;
import java.util.LinkedHashMap;
import java.util.HashMap;
import dev.switchboard.system.TargetSystems;
import dev.switchboard.system.TargetSystem;
import dev.switchboard.sim.Fault;
import dev.switchboard.sim.FaultMix;
import dev.switchboard.sim.FaultRule;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.RequestLog;
import dev.switchboard.sim.SimServer;
import dev.switchboard.sim.Simulator;
import io.quarkus.runtime.Quarkus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard sim}: every simulator on one port of 127.0.0.1, each under its documented path
 * prefix, until interrupted. For users' own CI and for trying Switchboard without a server.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Run the API simulators standalone on 127.0.0.1, each under its documented path prefix.")
public class SimCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8099", description = "Port to listen on, 0 for any free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Load the state from FILE at start (if it exists) and save it there after every change.")
    Optional<Path> stateFile;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Latency added to every request.")
    long latencyMs;

    @Option(names = "--fail-rate", defaultValue = "0", paramLabel = "P",
            description = "Share of requests, 0 to 1, answered 500 without being processed.")
    double failRate;

    @Option(names = "--fault", paramLabel = "SPEC",
            description = "Queue a named fault: FAULT[:METHOD[:PATH_REGEX[:TIMES]]], FAULT one of error-500, "
                    + "too-many-requests, reset-before, reset-after, slow. Repeatable.")
    List<String> faults = new ArrayList<>();

    @Option(names = "--fault-mix", paramLabel = "RATE[:FAULTS]",
            description = "Answer a share of requests with faults drawn at random: 0.2 for 20%% of every kind "
                    + "(error-500, too-many-requests, reset-before, reset-after, slow), or 0.2:reset-after,error-500. "
                    + "Which request gets which fault depends on --seed and the request only.")
    Optional<String> faultMix;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of --fail-rate and --fault-mix, to replay a run (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--slow-ms", defaultValue = "30000", description = "How long a slow fault holds its answer back (default ${DEFAULT-VALUE}).")
    long slowMs;

    @Option(names = "--login", defaultValue = "admin", description = "Login every simulator accepts (default ${DEFAULT-VALUE}).")
    String login;

    @Option(names = "--password", defaultValue = "admin", description = "Password every simulator accepts (default ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--client-id", defaultValue = "switchboard", description = "OAuth2 client id, for the systems that log in with one (default ${DEFAULT-VALUE}).")
    String clientId;

    @Option(names = "--client-secret", defaultValue = "switchboard", description = "OAuth2 client secret, for the systems that log in with one (default ${DEFAULT-VALUE}).")
    String clientSecret;

    @Option(names = "--session-seconds", defaultValue = "3600", description = "Lifetime of tokens and session cookies.")
    long sessionSeconds;

    @Option(names = "--sim-option", paramLabel = "KIND.NAME=VALUE",
            description = "A knob of one system's simulator (a dialect, a delay), such as gws.apply-delay-ms=2000. Repeatable.")
    List<String> simOptions = new ArrayList<>();

    @Option(names = "--dialect", paramLabel = "KIND.NAME",
            description = "A reading of an ambiguous API document the simulator of KIND plays, such as olx.empty-list-404 "
                    + "or xci.login-303 (README, Simulators, lists them). Repeatable; the default is the most lenient reading.")
    List<String> dialects = new ArrayList<>();

    @Option(names = "--fleet", paramLabel = "N", defaultValue = "0",
            description = "Serve N independent simulated servers instead of one, each with every simulator and a state of its"
                    + " own, on ports --port to --port + N - 1 (any free ones with --port 0): a fleet of targets for tests"
                    + " and benchmarks. With --state FILE, server NNN keeps its state in FILE-NNN.json.")
    int fleet;

    @Option(names = "--request-log", paramLabel = "DIR",
            description = "Append every request each server answers to DIR/sNNN-KIND.log (DIR/KIND.log without --fleet):"
                    + " when it began and ended, method, path and status; never a body or header.")
    Optional<Path> requestLog;

    @Spec
    CommandSpec spec;

    private final TargetSystems systems;

    public SimCommand(TargetSystems systems) {
        this.systems = systems;
    }

    @Override
    public Integer call() {
        if (failRate < 0 || failRate > 1) {
            spec.commandLine().getErr().println("--fail-rate is a share between 0 and 1, not " + failRate);
            return ExitCodes.ERROR;
        }
        List<FaultRule> rules = new ArrayList<>();
        for (String fault : faults) {
            try {
                rules.add(FaultRule.parse(fault));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("--fault " + fault + ": " + e.getMessage());
                return ExitCodes.ERROR;
            }
        }
        FaultMix mix = FaultMix.NONE;
        if (faultMix.isPresent()) {
            try {
                mix = FaultMix.parse(faultMix.get());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("--fault-mix " + faultMix.get() + ": " + e.getMessage());
                return ExitCodes.ERROR;
            }
        }
        SimCredentials credentials = new SimCredentials(login, password, clientId, clientSecret,
                Duration.ofSeconds(sessionSeconds));
        SimOptions options = SimOptions.DEFAULT.withPort(port).withLatency(Duration.ofMillis(latencyMs))
                .withFailRate(failRate).withFaults(rules).withFaultMix(mix).withSeed(seed)
                .withSlowDelay(Duration.ofMillis(slowMs));
        if (stateFile.isPresent()) {
            options = options.withStateFile(stateFile.get());
        }
        Map<String, Map<String, String>> optionsByKind = new HashMap<>();
        for (String option : simOptions) {
            int dot = option.indexOf('.');
            int equals = option.indexOf('=');
            if (dot <= 0 || equals < dot + 2 || systems.find(option.substring(0, dot)).isEmpty()) {
                spec.commandLine().getErr().println("--sim-option " + option + ": write KIND.NAME=VALUE, KIND one of "
                        + String.join(", ", systems.targetKinds()));
                return ExitCodes.ERROR;
            }
            optionsByKind.computeIfAbsent(option.substring(0, dot), k -> new LinkedHashMap<>())
                    .put(option.substring(dot + 1, equals), option.substring(equals + 1));
        }
        Map<String, List<String>> dialectsByKind = new HashMap<>();
        for (String dialect : dialects) {
            int dot = dialect.indexOf('.');
            Optional<TargetSystem> system = dot <= 0 ? Optional.empty() : systems.all().stream()
                    .filter(s -> s.dialectPrefixes().contains(dialect.substring(0, dot))).findFirst();
            if (system.isEmpty()) {
                spec.commandLine().getErr().println("--dialect " + dialect + ": write KIND.NAME, KIND one of "
                        + String.join(", ", systems.all().stream().flatMap(s -> s.dialectPrefixes().stream()).toList()));
                return ExitCodes.ERROR;
            }
            dialectsByKind.computeIfAbsent(system.get().targetKind(), k -> new ArrayList<>()).add(dialect);
        }
        if (fleet < 0 || (fleet > 0 && port > 0 && port + fleet - 1 > 65535)) {
            spec.commandLine().getErr().println("--fleet " + fleet + ": write a number of servers, 1 or more, whose ports"
                    + " from --port " + port + " stay below 65536");
            return ExitCodes.ERROR;
        }
        if (requestLog.isPresent()) {
            try {
                java.nio.file.Files.createDirectories(requestLog.get());
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println("--request-log " + requestLog.get() + ": cannot create the directory: "
                        + e.getMessage());
                return ExitCodes.ERROR;
            }
        }
        List<Simulator> simulators;
        try {
            simulators = simulators(credentials, dialectsByKind, optionsByKind, "");
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.ERROR;
        }
        if (fleet > 0) {
            return serveFleet(options, credentials, dialectsByKind, optionsByKind);
        }
        try (SimServer server = SimServer.start(options, simulators.toArray(Simulator[]::new))) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Switchboard simulators listening on " + server.baseUri());
            for (Simulator simulator : simulators) {
                out.println("  " + simulator.name() + ": " + String.join(", ", simulator.pathPrefixes().stream()
                        .map(prefix -> server.baseUri() + prefix).toList()));
            }
            if (!dialects.isEmpty()) {
                out.println("Dialects: " + String.join(", ", dialects));
            }
            out.println("Credentials: login " + login + " / password " + password
                    + "; OAuth2 client " + clientId + " / " + clientSecret);
            out.println("Control: GET " + server.baseUri() + "/_sim/state, POST " + server.baseUri() + "/_sim/faults, GET "
                    + server.baseUri() + "/_sim/requests");
            if (mix.rate() > 0) {
                out.println("Fault mix: " + Math.round(mix.rate() * 100) + "% of requests answered with "
                        + String.join(", ", mix.faults().stream().map(Fault::spelling).toList()) + " (seed " + seed + ")");
            }
            out.println("Press Ctrl+C to stop.");
            out.flush();
            Quarkus.waitForExit();
        }
        return ExitCodes.OK;
    }

    /**
     * A fresh simulator of every system, each behind a {@link RequestLog} writing to {@code --request-log}'s
     * {@code <prefix>KIND.log} when asked.
     *
     * @throws IllegalArgumentException naming the flag whose dialect or knob a simulator does not know
     */
    private List<Simulator> simulators(SimCredentials credentials, Map<String, List<String>> dialectsByKind,
                                       Map<String, Map<String, String>> optionsByKind, String prefix) {
        List<Simulator> simulators = new ArrayList<>();
        for (TargetSystem system : systems.all()) {
            Simulator simulator;
            try {
                simulator = system.simulator(credentials, dialectsByKind.getOrDefault(system.targetKind(), List.of()),
                        optionsByKind.getOrDefault(system.targetKind(), Map.of()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException((dialectsByKind.containsKey(system.targetKind()) ? "--dialect: "
                        : "--sim-option: ") + e.getMessage(), e);
            }
            simulators.add(requestLog.<Simulator>map(dir -> new RequestLog(simulator,
                    dir.resolve(prefix + system.targetKind() + ".log"))).orElse(simulator));
        }
        return simulators;
    }

    /** {@code --fleet N}: N servers, each with every simulator, a state and a request log of its own. */
    private int serveFleet(SimOptions options, SimCredentials credentials, Map<String, List<String>> dialectsByKind,
                           Map<String, Map<String, String>> optionsByKind) {
        List<SimServer> servers = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        try {
            for (int i = 0; i < fleet; i++) {
                String name = String.format("s%03d", i);
                SimOptions own = options.withPort(port == 0 ? 0 : port + i);
                if (stateFile.isPresent()) {
                    String file = stateFile.get().getFileName().toString().replaceFirst("\\.json$", "");
                    own = own.withStateFile(stateFile.get().resolveSibling(file + "-" + name.substring(1) + ".json"));
                }
                servers.add(SimServer.start(own, simulators(credentials, dialectsByKind, optionsByKind, name + "-")
                        .toArray(Simulator[]::new)));
            }
            out.println("Switchboard simulator fleet: " + fleet + " servers, each with every simulator under its documented"
                    + " path prefix; login " + login + " / password " + password + "; OAuth2 client " + clientId + " / "
                    + clientSecret);
            for (int i = 0; i < servers.size(); i++) {
                out.println(String.format("  s%03d %s", i, servers.get(i).baseUri()));
            }
            requestLog.ifPresent(dir -> out.println("Request logs: " + dir.resolve("sNNN-KIND.log")));
            out.println("Press Ctrl+C to stop.");
            out.flush();
            Quarkus.waitForExit();
            return ExitCodes.OK;
        } catch (java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("--fleet " + fleet + ": " + e.getMessage()
                    + (port == 0 ? "" : "; pass --port 0 to take any free ports"));
            return ExitCodes.ERROR;
        } finally {
            servers.forEach(SimServer::close);
        }
    }
}
