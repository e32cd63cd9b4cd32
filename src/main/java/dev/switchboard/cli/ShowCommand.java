package dev.switchboard.cli;

import dev.switchboard.plan.PlanFile;
import dev.switchboard.plan.SavedPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard show PLANFILE}: a saved plan as {@code plan} printed it, in any format, from the file
 * alone (Terraform's {@code show}): no desired state, no server, no secret is read. The file's checksums
 * are verified, so what is shown is what {@code apply FILE} would carry out.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a plan saved with 'plan --out', as text, json or markdown, without reading any server.")
public class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PLANFILE", description = "A plan saved with 'switchboard plan --out'.")
    Path planFile;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text, json or markdown (default ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    ColourOption colour;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (format == OutputFormat.junit) {
            err.println("-o junit is for drift reports: use 'switchboard drift -o junit'.");
            return ExitCodes.ERROR;
        }
        if (!Files.isRegularFile(planFile)) {
            err.println("There is no plan file " + planFile + ": write one with 'switchboard plan --out " + planFile + "'.");
            return ExitCodes.ERROR;
        }
        SavedPlan saved = PlanFile.read(planFile);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.renderer(colour.enabled()).render(saved.plan()));
        if (format == OutputFormat.text) {
            out.println();
            out.println("Planned " + saved.createdAt() + saved.revision().map(r -> " at commit " + r).orElse("")
                    + " from " + saved.configDir() + saved.plan().accepted().map(a -> "; accepted by " + a).orElse("")
                    + ".");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
