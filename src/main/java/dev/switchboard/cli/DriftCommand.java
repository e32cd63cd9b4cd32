package dev.switchboard.cli;

import dev.switchboard.desired.DesiredState;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineSession;
import dev.switchboard.engine.Prefetch;
import java.util.OptionalInt;
import dev.switchboard.plan.Plan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard drift}: report what live state differs from Git and what nobody declared; changes
 * nothing. Exit 0 in sync, 1 error, 2 drift found.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Report what live state differs from the desired state, and the objects nobody declared. Changes nothing.")
public class DriftCommand implements Callable<Integer> {

    @Mixin
    ConfigDirOption config;

    @Mixin
    TargetSelection selection;

    @Option(names = {"-o", "--output"}, defaultValue = "text",
            description = "text, json, markdown or junit (default ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Optional<Path> out;

    @Mixin
    ColourOption colour;

    @Spec
    CommandSpec spec;

    private final Engine engine;

    public DriftCommand(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() throws IOException {
        Plan drift;
        // the live state is read while the desired state loads: see Prefetch
        try (Prefetch prefetch = engine.prefetch(config.dir(), selection.request().targets(), OptionalInt.empty())) {
            Optional<DesiredState> state = DesiredStates.load(engine.loader(), config.dir(), selection.request().targets(),
                    spec.commandLine().getErr());
            if (state.isEmpty()) {
                return ExitCodes.ERROR;
            }
            try (EngineSession session = engine.open(state.get(), selection.request().targets(), OptionalInt.empty(),
                    prefetch)) {
                drift = session.report(selection.request(), ConsoleProgress.forThisProcess(colour.enabled()));
            }
        }
        String report = format.renderer(out.isEmpty() && colour.enabled(), "drift").render(drift);
        if (out.isPresent()) {
            Files.writeString(out.get(), report, StandardCharsets.UTF_8);
        } else {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(report);
            stdout.flush();
        }
        if (drift.hasErrors()) {
            return ExitCodes.ERROR;
        }
        return drift.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    }
}
