package dev.switchboard.cli;

import dev.switchboard.apply.ApplyReport;
import dev.switchboard.apply.Journal;
import dev.switchboard.desired.DesiredState;
import dev.switchboard.engine.AppliedJournal;
import dev.switchboard.engine.ApplyOptions;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineSession;
import dev.switchboard.engine.Progress;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.SafetyPolicy;
import dev.switchboard.plan.SafetyVerdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard rollback JOURNAL}: the inverse plan of the apply that a journal records (delete what it
 * created, put back what it updated, create again what it deleted), shown and gated as any plan (plan
 * errors, readOnly, protect, the thresholds, the per-target lock, a {@code yes} or {@code --auto-approve}).
 * Exit codes as {@code apply}: 0 rolled back (or nothing to do), 1 otherwise.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Undo an apply from its journal (.switchboard/journal/*.jsonl): plan the inverse changes, show "
                + "them and apply them once approved.")
public class RollbackCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOURNAL", description = "The journal of the apply to undo: a .jsonl file of "
            + ".switchboard/journal/ (apply prints its name).")
    Path journal;

    @Option(names = {"-c", "--config"}, paramLabel = "DIR", description = "The desired-state directory holding "
            + "switchboard.yaml (default: the one whose .switchboard/journal/ holds JOURNAL, else the current directory).")
    Optional<Path> configDir;

    @Option(names = "--auto-approve", description = "Roll back without asking (for CI).")
    boolean autoApprove;

    @Option(names = "--force", description = "Roll back objects changed on the server since the apply (refused as "
            + "stale otherwise), and beyond maxDeletePercent / maxUpdatePercent. Never overrides readOnly or protect.")
    boolean force;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "How to print the inverse plan: text, json "
            + "or markdown (default ${DEFAULT-VALUE}); with json or markdown, the rest goes to stderr.")
    OutputFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the inverse plan, as -o prints it, to FILE.")
    Optional<Path> out;

    @Option(names = "--lock-timeout", defaultValue = "0", paramLabel = "DURATION",
            description = "How long to wait for an apply of the same target to end (30s, 2m; default 0: refuse at once).",
            converter = DurationConverter.class)
    Duration lockTimeout;

    @Option(names = "--override-window", description = "Roll back although the target is outside its change window "
            + "(settings.windows).")
    boolean overrideWindow;

    @Mixin
    ParallelismOption parallelism;

    @Mixin
    ColourOption colour;

    @Spec
    CommandSpec spec;

    private final Engine engine;

    public RollbackCommand(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (format == OutputFormat.junit) {
            err.println("-o junit is for drift reports: rollback prints its plan as text, json or markdown.");
            return ExitCodes.ERROR;
        }
        // With json or markdown, stdout is the inverse plan alone: what a person reads goes to stderr.
        PrintWriter human = format == OutputFormat.text ? spec.commandLine().getOut() : err;
        if (!autoApprove && !Terminal.canAsk()) {
            err.println("rollback changes production servers and needs confirmation: run it on a terminal to answer "
                    + "'yes', or pass --auto-approve after reviewing its plan.");
            return ExitCodes.ERROR;
        }
        Path file = journal.toAbsolutePath().normalize();
        String target = AppliedJournal.targetOf(file);
        Path dir = configDir.map(d -> d.toAbsolutePath().normalize()).orElseGet(() -> configDirOf(file));
        Optional<DesiredState> state = DesiredStates.load(engine.loader(), dir, Set.of(target), err);
        if (state.isEmpty()) {
            return ExitCodes.ERROR;
        }
        if (!state.get().targets().containsKey(target)) {
            err.println("The journal " + journal + " is of target " + target + ", which " + dir.resolve("switchboard.yaml")
                    + " does not declare: pass the desired-state directory it was applied from with -c DIR.");
            return ExitCodes.ERROR;
        }
        Progress progress = ConsoleProgress.forThisProcess(colour.enabled());
        try (EngineSession session = engine.open(state.get(), Set.of(target), parallelism.value())) {
            session.lockForApply(lockTimeout, "rollback");
            EngineSession.Rollback rollback = session.rollback(file, force, progress);
            Plan plan = rollback.plan();
            human.println("Rollback of " + journal.getFileName() + " (the apply of " + target + " begun at "
                    + rollback.journal().begun() + "):");
            rollback.journal().notInverted().forEach(line -> human.println("  not rolled back: " + line));
            human.flush();
            String shown = OutputFormat.text.renderer(false).render(plan);
            if (format == OutputFormat.text) {
                human.print(OutputFormat.text.renderer(colour.enabled()).render(plan));
            } else {
                spec.commandLine().getOut().print(format.renderer(false, "rollback").render(plan));
                spec.commandLine().getOut().flush();
            }
            human.flush();
            if (out.isPresent()) {
                Files.writeString(out.get(), format.renderer(false, "rollback").render(plan), StandardCharsets.UTF_8);
                err.println("Wrote the inverse plan to " + out.get() + ".");
            }
            if (!plan.hasChanges() && !plan.hasErrors()) {
                human.println("Nothing to roll back: the servers are as they were before that apply"
                        + (rollback.journal().notInverted().isEmpty() ? "." : ", but for what is listed above."));
                human.flush();
                return ExitCodes.OK;
            }
            SafetyVerdict verdict = SafetyPolicy.evaluate(plan, force);
            if (!verdict.allowed()) {
                human.println();
                human.println("Rollback refused: nothing was changed.");
                verdict.refusals().forEach(v -> human.println("  " + v));
                human.flush();
                return ExitCodes.ERROR;
            }
            ChangeWindowLines.print(session, plan, overrideWindow, human);
            if (!autoApprove && !confirmed(human)) {
                err.println("Rollback cancelled: nothing was changed.");
                return ExitCodes.ERROR;
            }
            OptionalInt width = rollback.sequential() ? OptionalInt.of(1) : parallelism.value();
            ApplyReport report = session.apply(plan, new ApplyOptions(force, width, overrideWindow), progress);
            ApplyCommand.print(report, shown, human);
            return report.succeeded() ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }

    /** The desired-state directory whose {@code .switchboard/journal/} holds {@code file}, else the current one. */
    static Path configDirOf(Path file) {
        Path journals = file.getParent();
        if (journals != null && journals.endsWith(Journal.DIRECTORY) && journals.getParent() != null
                && journals.getParent().getParent() != null) {
            return journals.getParent().getParent();
        }
        return Path.of("").toAbsolutePath();
    }

    private boolean confirmed(PrintWriter out) throws IOException {
        out.println();
        out.println("Do you want to roll back these changes? Only 'yes' will be accepted to approve.");
        out.print("  Enter a value: ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return "yes".equals(answer == null ? null : answer.trim());
    }
}
