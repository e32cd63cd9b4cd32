package dev.switchboard.cli;

import dev.switchboard.desired.Schemas;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code switchboard schema [KIND]}: print a JSON Schema, for editors and other tools. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of switchboard.yaml, or of the resource files of one target kind.")
public class SchemaCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "KIND",
            description = "switchboard (default), officelinx or xci.")
    Optional<String> kind;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String name = kind.orElse(Schemas.CONFIG);
        Optional<String> text = Schemas.text(name);
        if (text.isEmpty()) {
            spec.commandLine().getErr().println("No schema named '" + name + "'; the schemas are: "
                    + String.join(", ", Schemas.NAMES) + ".");
            return ExitCodes.ERROR;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(text.get());
        out.flush();
        return ExitCodes.OK;
    }
}
