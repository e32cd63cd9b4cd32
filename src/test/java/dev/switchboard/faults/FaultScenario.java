package dev.switchboard.faults;

import dev.switchboard.apply.ApplyReport;
import dev.switchboard.apply.ChangeResult;
import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.LoadResult;
import dev.switchboard.engine.ApplyOptions;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineSession;
import dev.switchboard.engine.PlanRequest;
import dev.switchboard.engine.Progress;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.plan.Action;
import dev.switchboard.plan.Change;
import dev.switchboard.plan.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A desired state of an Officelinx and an XCI target, written as a user writes it, in two generations:
 * {@link #write(int)} generation 0 populates the servers, generation 1 deletes some objects (prune is on),
 * updates others and creates new ones, so that one apply deletes, updates and creates, as an Officelinx
 * hands out a freed ID to the next object ("the maximum ID + 1"). {@link #verify} tells what a run did
 * wrong: objects twice, declared objects missing, changes reported applied that the servers do not show.
 */
final class FaultScenario {

    private final Engine engine;
    private final Path dir;
    private final String url;
    private final int mailboxes;
    private final int parallelism;

    /**
     * @param mailboxes how many Officelinx mailboxes (each with one address) and XCI users generation 0 has
     */
    FaultScenario(Engine engine, Path dir, String url, int mailboxes, int parallelism) {
        this.engine = engine;
        this.dir = dir;
        this.url = url;
        this.mailboxes = mailboxes;
        this.parallelism = parallelism;
    }

    /** The files only, for a test that applies them through the real command in another process. */
    static FaultScenario files(Path dir, String url, int mailboxes, int parallelism) {
        return new FaultScenario(null, dir, url, mailboxes, parallelism);
    }

    Path dir() {
        return dir;
    }

    /**
     * The numbers generation {@code generation} declares: 0 declares 1..n; 1 drops a few of the first and the
     * last (the highest IDs, which Officelinx hands out again) and adds as many new ones.
     */
    List<Integer> numbers(int generation) {
        List<Integer> numbers = new ArrayList<>();
        int dropped = Math.max(1, mailboxes / 4);
        for (int i = 1; i <= mailboxes + (generation == 0 ? 0 : dropped); i++) {
            boolean gone = generation == 1 && (i <= dropped / 2 || (i > mailboxes - (dropped - dropped / 2) && i <= mailboxes));
            if (!gone) {
                numbers.add(i);
            }
        }
        return numbers;
    }

    void write(int generation) {
        try {
            Files.createDirectories(dir.resolve("officelinx"));
            Files.createDirectories(dir.resolve("xci"));
            Files.writeString(dir.resolve("switchboard.yaml"), """
                    apiVersion: switchboard/v1
                    settings: { parallelism: %d }
                    targets:
                      olx:
                        kind: officelinx
                        url: %s
                        auth: { clientId: switchboard, clientSecret: switchboard, username: admin, password: admin }
                        prune: true
                        maxDeletePercent: 100
                        maxUpdatePercent: 100
                      xci:
                        kind: xci
                        url: %s
                        auth: { login: admin, password: admin }
                        prune: true
                        maxDeletePercent: 100
                        maxUpdatePercent: 100
                    """.formatted(parallelism, url, url));
            StringBuilder olx = new StringBuilder("""
                    target: olx
                    companies:
                      - name: Acme
                        pbx: 1
                        departments: [ { name: Sales }, { name: Support } ]
                        featureGroups: [ { number: 56, name: Standard } ]
                        mailboxes:
                    """);
            StringBuilder xci = new StringBuilder("""
                    target: xci
                    xivos: [ { name: xivo-paris, host: 10.0.0.220 } ]
                    templates: [ { name: Standard line, xivos: [xivo-paris], entities: [acme@xivo-paris], peerSipName: auto, ringingTime: 30, routedInbound: false, callerIdMode: anonymous, voiceMailEnabled: false } ]
                    entities:
                      - name: acme
                        xivo: xivo-paris
                        displayName: Acme Paris
                        intervals: [ { start: "2000", end: "2999" } ]
                        users:
                    """);
            for (int i : numbers(generation)) {
                String number = String.valueOf(1000 + i);
                String last = generation == 1 && i % 3 == 0 ? "Updated" + i : "Person" + i;
                olx.append("""
                              - number: "%s"
                                userName: user%d@acme.example
                                firstName: User%d
                                lastName: %s
                                featureGroup: 56
                                department: %s
                                addresses: [ { type: 0, address: "%s" } ]
                        """.formatted(number, i, i, last, i % 2 == 0 ? "Sales" : "Support", number));
                xci.append("""
                              - { internalNumber: "%d", firstName: User%d, lastName: %s, template: Standard line }
                        """.formatted(2000 + i, i, last));
            }
            Files.writeString(dir.resolve("officelinx/acme.yaml"), olx);
            Files.writeString(dir.resolve("xci/paris.yaml"), xci);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DesiredState load() {
        LoadResult result = engine.loader().load(dir);
        if (!result.valid()) {
            throw new IllegalStateException("the scenario's desired state does not load: " + result.problems());
        }
        return result.requireValid();
    }

    /** One plan and apply, as {@code apply --auto-approve} makes them; failures of the run come back as its result. */
    Round round() {
        try (EngineSession session = engine.open(load(), Set.of(), OptionalInt.empty())) {
            session.lockForApply(java.time.Duration.ZERO, "apply");
            Plan plan = session.plan(PlanRequest.EVERYTHING, Progress.NONE);
            List<String> resumed = session.examineInterruptedApplies();
            if (!plan.hasChanges()) {
                return new Round(plan, Optional.empty(), Optional.empty(), resumed);
            }
            ApplyReport report = session.apply(plan, new ApplyOptions(true, OptionalInt.empty()), Progress.NONE);
            return new Round(plan, Optional.of(report), Optional.empty(), resumed);
        } catch (RuntimeException e) {
            return new Round(Plan.of(List.of()), Optional.empty(), Optional.of(String.valueOf(e.getMessage())), List.of());
        }
    }

    /**
     * @param error    why the round could not plan or apply at all (a server that failed every try)
     * @param resumed  what it found of an earlier interrupted apply
     */
    record Round(Plan plan, Optional<ApplyReport> report, Optional<String> error, List<String> resumed) {
        boolean converged() {
            return error.isEmpty() && !plan.hasChanges();
        }
    }

    /** The live state of every target, read with no fault (the caller turns them off). */
    Map<String, ResourceSet> live() {
        Map<String, ResourceSet> live = new java.util.TreeMap<>();
        try (EngineSession session = engine.open(load(), Set.of(), OptionalInt.empty())) {
            for (String target : List.of("olx", "xci")) {
                live.put(target, session.fetch(target, Progress.NONE));
            }
        }
        return live;
    }

    /**
     * What is wrong with the servers after a round: each change the round reported applied must show
     * (a created or updated object with its declared fields, a deleted one gone), and no natural key is
     * held twice (a fetch refuses that).
     */
    Verdict verify(Round round) {
        Map<String, ResourceSet> live;
        try {
            live = live();
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            return new Verdict(message.contains("duplicate") ? List.of(message) : List.of(), List.of(),
                    List.of("cannot read the servers: " + message));
        }
        List<String> lost = new ArrayList<>();
        for (ChangeResult result : round.report().map(ApplyReport::targets).orElse(List.of()).stream()
                .flatMap(t -> t.results().stream()).toList()) {
            if (result.status() != ChangeResult.Status.APPLIED) {
                continue;
            }
            Change change = result.change();
            Optional<Resource> now = live.get(change.target()).get(change.key());
            if (change.action() == Action.DELETE && now.isPresent()) {
                lost.add(change.target() + ": " + change.key() + " reported deleted, still there");
            } else if (change.action() != Action.DELETE && now.isEmpty()) {
                lost.add(change.target() + ": " + change.key() + " reported " + change.action().json() + "d, gone");
            }
        }
        return new Verdict(List.of(), lost, List.of());
    }

    /** The declared objects the servers do not hold: after convergence, none. */
    List<String> missing(Map<String, ResourceSet> live) {
        List<String> missing = new ArrayList<>();
        DesiredState state = load();
        for (String target : List.of("olx", "xci")) {
            Set<ResourceKey> have = new java.util.HashSet<>();
            live.get(target).all().forEach(r -> have.add(r.key()));
            for (Resource desired : state.resourcesOf(target).all()) {
                if (!have.contains(desired.key())) {
                    missing.add(target + ": " + desired.key());
                }
            }
        }
        return missing;
    }

    /**
     * @param duplicates natural keys held twice
     * @param lost       applied changes the servers do not show: an object deleted by mistake, a create lost
     * @param unreadable why the servers could not be read
     */
    record Verdict(List<String> duplicates, List<String> lost, List<String> unreadable) {
        boolean clean() {
            return duplicates.isEmpty() && lost.isEmpty() && unreadable.isEmpty();
        }
    }
}
