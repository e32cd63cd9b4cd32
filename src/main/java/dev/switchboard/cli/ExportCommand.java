package dev.switchboard.cli;

import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.Schemas;
import dev.switchboard.desired.DesiredStateWriter;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineSession;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard export -t TARGET}: write a target's live objects as a resource file, to adopt an
 * existing server. The file plans to no changes once the secrets it names are set.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a target's live objects as desired-state YAML, to adopt an existing server.")
public class ExportCommand implements Callable<Integer> {

    @Mixin
    ConfigDirOption config;

    @Option(names = {"-t", "--target"}, required = true, paramLabel = "TARGET", description = "The target to export.")
    String target;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write <kind>/<target>.yaml (default: the desired-state directory).")
    Optional<Path> out;

    @Mixin
    ColourOption colour;

    @Spec
    CommandSpec spec;

    private final Engine engine;

    public ExportCommand(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<DesiredState> state = DesiredStates.load(engine.loader(), config.dir(), Set.of(target), err);
        if (state.isEmpty()) {
            return ExitCodes.ERROR;
        }
        ResourceSet live;
        TargetSpec spec;
        try (EngineSession session = engine.open(state.get(), Set.of(target))) {
            spec = state.get().targets().get(target);
            live = session.fetch(target, ConsoleProgress.forThisProcess(colour.enabled()));
        }
        Path file = out.orElse(config.dir()).resolve(spec.kind()).resolve(target + ".yaml");
        if (Files.exists(file)) {
            err.println(file + " exists already: export writes new files only. Pass --out to another directory.");
            return ExitCodes.ERROR;
        }
        DesiredStateWriter.Export export = DesiredStateWriter.write(engine.systems().find(spec.kind()).orElseThrow().files(), spec, live,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Path root = out.orElse(config.dir());
        boolean newDirectory = Files.notExists(root);
        Files.createDirectories(file.getParent());
        Files.writeString(file, export.yaml(), StandardCharsets.UTF_8);
        err.printf("Wrote %d objects of target %s to %s.%n", live.size(), target, file);
        // The file's first line points editors at ../schemas/NAME.schema.json: make sure it is there.
        String schema = engine.systems().find(spec.kind()).orElseThrow().files().schemaName();
        Path schemas = root.resolve("schemas");
        List<String> missing = java.util.stream.Stream.of(Schemas.CONFIG, schema)
                .filter(name -> Files.notExists(schemas.resolve(name + ".schema.json"))).toList();
        if (!missing.isEmpty()) {
            SchemaCommand.write(engine.loader().schemas(), schemas, missing);
            err.println("Wrote " + String.join(", ", missing.stream().map(n -> "schemas/" + n + ".schema.json").toList())
                    + " for editors' completion (switchboard schema --out " + schemas + " refreshes them).");
        }
        ignoreLocalState(root, newDirectory, err);
        if (state.get().resourcesOf(target).size() > 0) {
            err.println("Note: other files already declare " + state.get().resourcesOf(target).size()
                    + " objects of " + target + "; merge them with the export, or validate will report duplicates.");
        }
        export.notes().forEach(note -> err.println("Note: " + note));
        err.flush();
        return ExitCodes.OK;
    }

    /**
     * A new repository gets a {@code .gitignore} of {@code .switchboard/}: that directory holds the secret
     * fingerprints' key, embedded simulators' state, journals and locks, which belong to one machine and
     * must never be committed. An existing directory is only told, since its {@code .gitignore} is the user's.
     */
    private static void ignoreLocalState(Path root, boolean newDirectory, PrintWriter err) throws IOException {
        Path gitignore = root.resolve(".gitignore");
        if (newDirectory) {
            Files.writeString(gitignore, GITIGNORE, StandardCharsets.UTF_8);
            err.println("Wrote " + gitignore + ": .switchboard/ holds the fingerprint key and local state, never commit it.");
        } else if (!Files.isRegularFile(gitignore)
                || Files.readAllLines(gitignore).stream().map(String::strip).noneMatch(ExportCommand::ignoresLocalState)) {
            err.println("Note: add .switchboard/ to " + gitignore + ": it holds the fingerprint key and local state, never commit it.");
        }
    }

    private static boolean ignoresLocalState(String line) {
        return line.equals(".switchboard/") || line.equals(".switchboard") || line.equals("/.switchboard/")
                || line.equals("/.switchboard");
    }

    static final String GITIGNORE = """
            # Written by switchboard export. .switchboard/ is this machine's own: the key of the secrets'
            # fingerprints, embedded simulators' state, apply journals and locks. Never commit it.
            .switchboard/
            """;
}
