package dev.switchboard.cli;

import dev.switchboard.desired.Schemas;
import dev.switchboard.engine.Engine;
import dev.switchboard.system.KindDescriptor;
import dev.switchboard.system.TargetSystem;
import java.io.PrintWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard schema [KIND]}: print a JSON Schema, for editors and other tools; {@code --list} names
 * the installed target systems with their kinds and natural keys.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of switchboard.yaml (with every installed system's target fields), "
                + "or of the resource files of one target kind; --list names the installed systems.")
public class SchemaCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "KIND",
            description = "switchboard (default) or a target kind (switchboard schema --list names them).")
    Optional<String> kind;

    @Option(names = "--list", description = "List the installed target systems, their resource kinds and natural keys.")
    boolean list;

    @Option(names = "--out", paramLabel = "DIR", description = "Write every schema to DIR/NAME.schema.json, for editors "
            + "(the files' '# yaml-language-server: $schema=' lines point at ../schemas/).")
    Optional<Path> out;

    @Spec
    CommandSpec spec;

    private final Engine engine;

    public SchemaCommand(Engine engine) {
        this.engine = engine;
    }

    /** Writes the {@code names} schemas to {@code dir} as {@code NAME.schema.json}, replacing older copies. */
    static List<Path> write(Schemas schemas, Path dir, List<String> names) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (String name : names) {
                Path file = dir.resolve(name + ".schema.json");
                Files.writeString(file, schemas.text(name).orElseThrow(), StandardCharsets.UTF_8);
                written.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the schemas to " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (TargetSystem system : engine.systems().all()) {
                out.printf("%-12s %s%n", system.targetKind(), system.displayName());
                for (KindDescriptor kind : system.kinds()) {
                    out.printf("  %-22s key %s%n", kind.kind().name(), kind.keyPattern());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
        Schemas schemas = engine.loader().schemas();
        if (this.out.isPresent()) {
            List<Path> written = write(schemas, this.out.get(), schemas.names());
            spec.commandLine().getErr().println("Wrote " + written.size() + " schemas to " + this.out.get() + ": "
                    + String.join(", ", written.stream().map(p -> p.getFileName().toString()).toList()) + ".");
            return ExitCodes.OK;
        }
        String name = kind.orElse(Schemas.CONFIG);
        Optional<String> text = schemas.text(name);
        if (text.isEmpty()) {
            spec.commandLine().getErr().println("No schema named '" + name + "'; the schemas are: "
                    + String.join(", ", schemas.names()) + ".");
            return ExitCodes.ERROR;
        }
        out.print(text.get());
        out.flush();
        return ExitCodes.OK;
    }
}
