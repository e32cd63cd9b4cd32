package dev.switchboard.cli;

import dev.switchboard.desired.Schemas;
import dev.switchboard.engine.Engine;
import dev.switchboard.system.KindDescriptor;
import dev.switchboard.system.TargetSystem;
import java.io.PrintWriter;
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

    @Spec
    CommandSpec spec;

    private final Engine engine;

    public SchemaCommand(Engine engine) {
        this.engine = engine;
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
