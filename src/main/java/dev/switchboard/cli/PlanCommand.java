package dev.switchboard.cli;

import dev.switchboard.plan.Acceptance;
import dev.switchboard.desired.DesiredState;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineSession;
import dev.switchboard.engine.Prefetch;
import dev.switchboard.git.GitRevision;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.PlanFile;
import dev.switchboard.plan.SavedPlan;
import dev.switchboard.plan.TargetPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard plan}: fetch live state, diff, print the plan; {@code --out} saves it for
 * {@code apply}. Exit 0 (no changes, or changes without {@code --detailed-exitcode}), 1 error, 2 changes
 * present with {@code --detailed-exitcode}.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Fetch live state, compare it with the desired state and print what apply would change.")
public class PlanCommand implements Callable<Integer> {

    @Mixin
    ConfigDirOption config;

    @Mixin
    TargetSelection selection;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text, json or markdown (default ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Also save the plan to FILE, for 'switchboard apply FILE'.")
    Optional<Path> out;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes, 0 when there are none, "
            + "1 on errors or when apply would refuse the plan.")
    boolean detailedExitCode;

    @Option(names = "--force", description = "Accept deletes or updates above maxDeletePercent / maxUpdatePercent: "
            + "recorded in the --out file (who and when), so that 'apply FILE' needs no --force. Never overrides "
            + "readOnly, protect or what the API cannot do.")
    boolean force;

    @Mixin
    ParallelismOption parallelism;

    @Mixin
    ReplaceSecretsOption secrets;

    @Mixin
    ColourOption colour;

    @Spec
    CommandSpec spec;

    private final Engine engine;

    public PlanCommand(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() throws IOException {
        if (format == OutputFormat.junit) {
            spec.commandLine().getErr().println("-o junit is for drift reports: use 'switchboard drift -o junit'.");
            return ExitCodes.ERROR;
        }
        PrintWriter out = spec.commandLine().getOut();
        Plan plan;
        java.io.StringWriter windows = new java.io.StringWriter();
        // the live state is read while the desired state loads: see Prefetch
        try (Prefetch prefetch = engine.prefetch(config.dir(), selection.request().targets(), parallelism.value())) {
            Optional<DesiredState> state = DesiredStates.load(engine.loader(), config.dir(), selection.request().targets(),
                    spec.commandLine().getErr());
            if (state.isEmpty()) {
                return ExitCodes.ERROR;
            }
            try (EngineSession session = engine.open(state.get(), selection.request(secrets.replaceSecrets).targets(),
                    parallelism.value(), prefetch)) {
                plan = session.report(selection.request(secrets.replaceSecrets), ConsoleProgress.forThisProcess(colour.enabled()));
                ChangeWindowLines.state(session, new PrintWriter(windows));
            }
        }
        if (force) {
            plan = plan.accept(new Acceptance(acceptor(), Instant.now()));
        }
        out.print(format.renderer(colour.enabled()).render(plan));
        out.flush();
        // With json or markdown, stdout holds the document alone.
        PrintWriter windowsTo = format == OutputFormat.text ? out : spec.commandLine().getErr();
        windowsTo.print(windows);
        windowsTo.flush();
        boolean unread = plan.targets().stream().anyMatch(TargetPlan::liveStateUnread);
        if (this.out.isPresent() && unread) {
            spec.commandLine().getErr().println("Not saved to " + this.out.get() + ": a plan of a target that could not "
                    + "be read cannot be applied. Plan again once it answers, or leave it out with -t.");
        } else if (this.out.isPresent()) {
            PlanFile.write(new SavedPlan(Instant.now(), GitRevision.of(config.dir()), config.dir(), plan), this.out.get());
            spec.commandLine().getErr().println("Saved the plan to " + this.out.get()
                    + ". Apply exactly it with: switchboard apply " + this.out.get());
        }
        if (plan.hasErrors()) {
            return ExitCodes.ERROR;
        }
        if (detailedExitCode && plan.hasChanges() && !plan.gate().allowed()) {
            spec.commandLine().getErr().println("apply would refuse this plan (see above): exit 1, so that CI does not "
                    + "pass a change that cannot be applied as it is.");
            return ExitCodes.ERROR;
        }
        return detailedExitCode && plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    }

    /** {@code user@host} of whoever ran {@code plan --force}; CI names its actor in {@code SWITCHBOARD_ACCEPTED_BY}. */
    static String acceptor() {
        String named = System.getenv("SWITCHBOARD_ACCEPTED_BY");
        if (named != null && !named.isBlank()) {
            return named.strip();
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return System.getProperty("user.name", "unknown") + "@" + host;
    }
}
