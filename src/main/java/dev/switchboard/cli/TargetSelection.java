package dev.switchboard.cli;

import dev.switchboard.model.KeyPattern;
import dev.switchboard.engine.PlanRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -t TARGET} and {@code --only KIND[/KEY]}, shared by plan, apply and drift. */
public class TargetSelection {

    @Option(names = {"-t", "--target"}, paramLabel = "TARGET",
            description = "Only this target (repeatable; default: every target).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--only", paramLabel = "KIND[/KEY]",
            description = "Only this kind, or this object and those under it: mailbox, mailbox/Acme/1001 (repeatable).")
    List<String> only = new ArrayList<>();

    /** What to plan, with write-only fields compared as recorded (drift never sends anything). */
    public PlanRequest request() {
        return request(false);
    }

    public PlanRequest request(boolean replaceSecrets) {
        return new PlanRequest(new LinkedHashSet<>(targets), only.stream().map(KeyPattern::parse).toList(),
                replaceSecrets);
    }
}
