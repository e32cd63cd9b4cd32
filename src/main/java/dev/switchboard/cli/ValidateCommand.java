package dev.switchboard.cli;

import dev.switchboard.engine.Engine;
import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.LoadResult;
import dev.switchboard.desired.Problem;
import dev.switchboard.model.TargetSpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json: every problem and warning "
            + "with its file, line, column, path, message and hint, and the targets when valid.")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engine engine;

    public ValidateCommand(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (format != OutputFormat.text && format != OutputFormat.json) {
            spec.commandLine().getErr().println("validate reports as text or json, not " + format + ".");
            return ExitCodes.ERROR;
        }
        LoadResult result = engine.loader().load(config.dir());
        if (format == OutputFormat.json) {
            out.print(json(result));
            out.flush();
            return result.valid() ? ExitCodes.OK : ExitCodes.ERROR;
        }
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

    /**
     * {@code {"valid": true, "problems": [{"severity": "error"|"warning", "file", "line", "column", "path",
     * "message", "hint"}], "targets": [{"name", "kind", "objects"}]}}: files relative to the directory, as in text.
     */
    private static String json(LoadResult result) {
        ObjectNode root = JSON.createObjectNode().put("valid", result.valid());
        ArrayNode problems = root.putArray("problems");
        for (Problem problem : result.problemsAndWarnings()) {
            problems.addObject().put("severity", problem.isWarning() ? "warning" : "error")
                    .put("file", problem.location().file().toString()).put("line", problem.location().line())
                    .put("column", problem.location().column()).put("path", problem.fieldPath())
                    .put("message", problem.message()).put("hint", problem.hint().orElse(null));
        }
        ArrayNode targets = root.putArray("targets");
        if (result.valid()) {
            DesiredState state = result.requireValid();
            for (TargetSpec target : state.targets().values()) {
                targets.addObject().put("name", target.name()).put("kind", target.kind())
                        .put("objects", state.resourcesOf(target.name()).size());
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the validation report", e);
        }
    }
}
