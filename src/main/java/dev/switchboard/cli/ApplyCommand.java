package dev.switchboard.cli;

import dev.switchboard.apply.ApplyReport;
import dev.switchboard.apply.ApplyReportJson;
import dev.switchboard.apply.ChangeResult;
import dev.switchboard.apply.TargetApplyReport;
import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.Problem;
import dev.switchboard.desired.SecretResolver;
import dev.switchboard.engine.ApplyOptions;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineException;
import dev.switchboard.engine.EngineSession;
import dev.switchboard.engine.Progress;
import dev.switchboard.model.Secret;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.PlanFile;
import dev.switchboard.plan.SavedPlan;
import dev.switchboard.plan.TargetPlan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard apply}: plan then apply, or apply a saved plan after checking that nothing it was
 * computed from changed. Asks for {@code yes} on a terminal; without a terminal it refuses unless
 * {@code --auto-approve}. Exit 0 applied (or nothing to do), 1 otherwise, listing what was applied.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Change the servers to match the desired state: plan then apply, or apply a plan saved by 'plan --out'.")
public class ApplyCommand implements Callable<Integer> {

    @Mixin
    ConfigDirOption config;

    @Mixin
    TargetSelection selection;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLANFILE", description = "A plan saved by 'switchboard plan --out'.")
    Optional<Path> planFile;

    @Option(names = "--auto-approve", description = "Apply without asking (for CI and the daemon).")
    boolean autoApprove;

    @Option(names = "--force", description = "Apply although deletes or updates exceed maxDeletePercent / maxUpdatePercent.")
    boolean force;

    @Option(names = "--override-window", description = "Apply targets outside their change window (settings.windows) "
            + "all the same.")
    boolean overrideWindow;

    @Mixin
    ParallelismOption parallelism;

    @Mixin
    ReplaceSecretsOption secrets;

    @Option(names = "--lock-timeout", defaultValue = "0", paramLabel = "DURATION",
            description = "How long to wait for another apply of the same target to end (30s, 2m; default 0: refuse at once).",
            converter = DurationConverter.class)
    Duration lockTimeout;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json: with json, stdout holds only "
            + "the report of what was applied, failed and skipped, per change; the plan and any question go to stderr.")
    OutputFormat format;

    @Mixin
    ColourOption colour;

    @Spec
    CommandSpec spec;

    private final Engine engine;

    public ApplyCommand(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (format != OutputFormat.text && format != OutputFormat.json) {
            err.println("apply reports as text or json, not " + format + ": the plan itself is 'switchboard plan -o " + format + "'.");
            return ExitCodes.ERROR;
        }
        boolean json = format == OutputFormat.json;
        // With -o json stdout is the report alone: what a person reads goes to stderr.
        PrintWriter out = json ? err : spec.commandLine().getOut();
        if (!autoApprove && !Terminal.canAsk()) {
            err.println("apply changes production servers and needs confirmation: run it on a terminal to answer 'yes', "
                    + "or pass --auto-approve (as CI and the daemon do) after reviewing 'switchboard plan'.");
            return ExitCodes.ERROR;
        }
        Optional<SavedPlan> saved = Optional.empty();
        Path dir = config.dir();
        if (planFile.isPresent()) {
            saved = Optional.of(PlanFile.read(planFile.get()));
            // -c wins: a plan made in one CI job's checkout is applied in another one's.
            boolean configGiven = spec.commandLine().getParseResult().hasMatchedOption("-c");
            if (!configGiven) {
                dir = saved.get().configDir();
                if (!Files.isDirectory(dir)) {
                    err.println("The plan was made from " + dir + ", which does not exist here: pass the desired-state "
                            + "directory with -c DIR (for example the checkout of the same commit).");
                    return ExitCodes.ERROR;
                }
            }
        }
        java.util.Set<String> targets = saved.isPresent()
                ? new LinkedHashSet<>(saved.get().plan().targets().stream().map(TargetPlan::target).toList())
                : selection.request(secrets.replaceSecrets).targets();
        Optional<DesiredState> state = DesiredStates.load(engine.loader(), dir, targets, err);
        if (state.isEmpty()) {
            return ExitCodes.ERROR;
        }
        Progress progress = ConsoleProgress.forThisProcess(colour.enabled());
        Plan plan;
        if (saved.isPresent()) {
            List<String> undeclared = targets.stream().filter(t -> !state.get().targets().containsKey(t))
                    .map(t -> "target " + t + " is no longer declared in switchboard.yaml").toList();
            if (!undeclared.isEmpty()) {
                err.println("Refusing to apply " + planFile.get() + ": it plans changes to targets the desired state in "
                        + shown(dir) + " no longer has. Nothing was applied.");
                undeclared.forEach(s -> err.println("  " + s));
                err.println("Run 'switchboard plan --out FILE' on this desired state and review the new plan.");
                return ExitCodes.ERROR;
            }
        }
        try (EngineSession session = engine.open(state.get(), targets, parallelism.value())) {
            session.lockForApply(lockTimeout, "apply");
            if (saved.isPresent()) {
                plan = resolveSecrets(saved.get().plan(), dir);
                List<String> stale = session.staleObjects(plan, progress);
                if (!stale.isEmpty()) {
                    err.println("Refusing to apply " + planFile.get() + ": the servers changed since it was planned, so it "
                            + "may no longer do what was reviewed. Nothing was applied.");
                    stale.forEach(s -> err.println("  " + s));
                    err.println("Run 'switchboard plan --out FILE' again and review the new plan.");
                    return ExitCodes.ERROR;
                }
                EngineSession.Revalidation current = session.revalidate(plan, progress);
                if (!current.differences().isEmpty()) {
                    err.println("Refusing to apply " + planFile.get() + ": the desired state in " + shown(dir)
                            + " no longer asks for what it plans. Nothing was applied.");
                    current.differences().forEach(d -> err.println("  " + d));
                    err.println("Run 'switchboard plan --out FILE' on this desired state and review the new plan.");
                    return ExitCodes.ERROR;
                }
                // The gates (readOnly, protect, thresholds) are those of switchboard.yaml now, not the file's.
                plan = current.plan();
                if (saved.get().plan().accepted().isPresent()) {
                    plan = plan.accept(saved.get().plan().accepted().get());
                }
            } else {
                plan = session.plan(selection.request(secrets.replaceSecrets), progress);
            }
            List<String> interrupted = session.examineInterruptedApplies();
            if (!interrupted.isEmpty()) {
                err.println("An earlier apply was interrupted (killed) before it finished; what its unfinished changes "
                        + "did, as the servers show it (the plan below is made from the servers as they are):");
                interrupted.forEach(line -> err.println("  " + line));
            }
            String shown = OutputFormat.text.renderer(false).render(plan);
            out.print(OutputFormat.text.renderer(colour.enabled()).render(plan));
            out.flush();
            if (!plan.hasChanges()) {
                if (json) {
                    report(new ApplyReport(List.of()));
                }
                return plan.hasErrors() ? ExitCodes.ERROR : ExitCodes.OK;
            }
            ChangeWindowLines.print(session, plan, overrideWindow, out);
            if (!autoApprove && !confirmed(out)) {
                err.println("Apply cancelled: nothing was changed.");
                return ExitCodes.ERROR;
            }
            // A saved plan accepted with plan --force needs no --force: a person reviewed exactly these changes.
            ApplyReport report = session.apply(plan, new ApplyOptions(force || plan.accepted().isPresent(),
                    parallelism.value(), overrideWindow), progress);
            if (json) {
                report(report);
            } else {
                print(report, shown, out);
            }
            return report.succeeded() ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }

    private void report(ApplyReport report) {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(ApplyReportJson.render(report));
        stdout.flush();
    }

    private boolean confirmed(PrintWriter out) throws IOException {
        out.println();
        out.println("Do you want to perform these actions? Only 'yes' will be accepted to approve.");
        out.print("  Enter a value: ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return "yes".equals(answer == null ? null : answer.trim());
    }

    /** Re-reads the secrets a saved plan refers to ({@code ${env:...}}), which it never holds itself. */
    private static Plan resolveSecrets(Plan plan, Path dir) {
        SecretResolver resolver = SecretResolver.fromProcessEnvironment(dir);
        return plan.withSecretsResolved(reference -> {
            List<Problem> problems = new ArrayList<>();
            Optional<Object> value = resolver.resolve(reference, SourceLocation.startOf(Path.of("plan")), "", problems);
            if (value.isPresent() && value.get() instanceof Secret secret) {
                return secret;
            }
            throw new EngineException("the saved plan needs the secret " + reference + ", which does not resolve"
                    + problems.stream().findFirst().map(p -> ": " + p.message()).orElse(""));
        });
    }

    /** A path under the working directory as a relative one, as users typed {@code -c}. */
    private static Path shown(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path) : path;
    }

    /** {@code , 2 unconfirmed}; nothing when there are none, so the usual summary reads as it always has. */
    private static String unconfirmed(long count) {
        return count == 0 ? "" : ", " + count + " unconfirmed";
    }

    /** @param plan the plan as printed above the report, so that a refusal it shows is not said twice */
    static void print(ApplyReport report, String plan, PrintWriter out) {
        out.println();
        for (TargetApplyReport target : report.targets()) {
            if (!target.refusals().isEmpty()) {
                // A refusal the plan above shows (an error, "Apply would refuse", the readOnly note) is said once.
                List<String> unsaid = target.refusals().stream().filter(r -> !plan.contains(r)).toList();
                out.println("Target " + target.target() + " was not applied: refused"
                        + (unsaid.isEmpty() ? ", as the plan above says" : "") + "; nothing was sent to it"
                        + (unsaid.isEmpty() ? "." : ":"));
                unsaid.forEach(r -> out.println("  " + r));
                continue;
            }
            if (target.results().isEmpty()) {
                continue;
            }
            out.printf("Target %s: %d applied, %d failed, %d skipped%s.%s%n", target.target(),
                    target.count(ChangeResult.Status.APPLIED), target.count(ChangeResult.Status.FAILED),
                    target.count(ChangeResult.Status.SKIPPED), unconfirmed(target.count(ChangeResult.Status.UNCONFIRMED)),
                    target.journal().map(j -> " Journal: " + shown(j)).orElse(""));
            for (ChangeResult result : target.results()) {
                String line = switch (result.status()) {
                    case APPLIED -> "  " + result.change().action().symbol() + " " + result.change().key() + ": applied"
                            + result.note().map(n -> " (" + n + ")").orElse("");
                    case FAILED -> "  ! " + result.change().key() + ": FAILED: " + result.message().orElse("");
                    case SKIPPED -> "  . " + result.change().key() + ": skipped: " + result.message().orElse("");
                    case UNCONFIRMED -> "  ? " + result.change().key() + ": UNCONFIRMED: " + result.message().orElse("");
                };
                out.println(line);
            }
        }
        long applied = report.count(ChangeResult.Status.APPLIED);
        long failed = report.count(ChangeResult.Status.FAILED);
        long skipped = report.count(ChangeResult.Status.SKIPPED);
        long refused = report.targets().stream().filter(t -> !t.refusals().isEmpty()).count();
        long unconfirmedCount = report.count(ChangeResult.Status.UNCONFIRMED);
        out.printf("Apply %s: %d applied, %d failed, %d skipped%s%s.%n", report.succeeded() ? "complete" : "incomplete",
                applied, failed, skipped, unconfirmed(unconfirmedCount),
                refused == 0 ? "" : ", " + refused + (refused == 1 ? " target" : " targets") + " refused");
        if (refused > 0) {
            out.println("A refused target was left as it is: resolve what the plan reports (or accept a threshold with"
                    + " --force), then run apply again.");
        }
        if (failed > 0 || skipped > 0 || unconfirmedCount > 0) {
            out.println("What was applied stays applied. Fix the failures and run apply again: it converges.");
            if (report.count(ChangeResult.Status.UNCONFIRMED) > 0) {
                out.println("Unconfirmed changes were accepted by the server but not seen on reading back in time:"
                        + " run plan to see which are still to do.");
            }
        }
        out.flush();
    }
}
