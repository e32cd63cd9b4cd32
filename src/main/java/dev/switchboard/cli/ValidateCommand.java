package dev.switchboard.cli;

import dev.switchboard.engine.Engine;
import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.LoadResult;
import dev.switchboard.desired.Problem;
import dev.switchboard.model.TargetSpec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard validate}: parse, check against the schemas, resolve references and secrets'
 * presence, with no network. Prints every problem and warning, exit 0 when valid (warnings or not) and 1
 * when not.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a desired-state directory: YAML, schemas, references, secrets' presence. No network.")
public class ValidateCommand implements Callable<Integer> {

    @Mixin
    ConfigDirOption config;

    @Spec
    CommandSpec spec;

    private final Engine engine;

    public ValidateCommand(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadResult result = engine.loader().load(config.dir());
        for (Problem problem : result.problemsAndWarnings()) {
            out.println(problem.render());
        }
        int warnings = result.warnings().size();
        String warned = warnings == 0 ? "" : ", " + warnings + " warning" + (warnings == 1 ? "" : "s");
        if (!result.valid()) {
            long files = result.problems().stream().map(p -> p.location().file()).distinct().count();
            out.printf("%d problem%s in %d file%s%s.%n", result.problems().size(), result.problems().size() == 1 ? "" : "s",
                    files, files == 1 ? "" : "s", warned);
            out.flush();
            return ExitCodes.ERROR;
        }
        DesiredState state = result.requireValid();
        out.printf("Valid: %d target%s, %d object%s in %d file%s%s.%n",
                state.targets().size(), state.targets().size() == 1 ? "" : "s",
                state.objectCount(), state.objectCount() == 1 ? "" : "s",
                state.files().size() + 1, state.files().isEmpty() ? "" : "s", warned);
        for (TargetSpec target : state.targets().values()) {
            out.printf("  %-20s %-11s %4d objects  %s%n", target.name(), target.kind(),
                    state.resourcesOf(target.name()).size(), target.url());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
