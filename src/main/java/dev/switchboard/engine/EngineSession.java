package dev.switchboard.engine;

import java.util.LinkedHashSet;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.diff.FieldDiff;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.Set;
import java.util.HashSet;
import java.util.Iterator;
import dev.switchboard.desired.Suggestions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.apply.ApplyReport;
import dev.switchboard.apply.Journal;
import dev.switchboard.apply.TargetApplier;
import dev.switchboard.apply.TargetApplyReport;
import dev.switchboard.apply.WriteOnlyFingerprints;
import dev.switchboard.diff.WriteOnlyPolicy;
import dev.switchboard.desired.ChangeWindows;
import dev.switchboard.desired.DesiredState;
import dev.switchboard.model.KeyPattern;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.plan.Action;
import dev.switchboard.plan.Change;
import dev.switchboard.plan.Fingerprint;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.PlanError;
import dev.switchboard.plan.PlanWarning;
import dev.switchboard.plan.Planner;
import dev.switchboard.plan.SafetyPolicy;
import dev.switchboard.plan.SafetyVerdict;
import dev.switchboard.plan.TargetCapabilities;
import dev.switchboard.plan.TargetCapabilities.KindCapabilities;
import dev.switchboard.plan.TargetPlan;
import dev.switchboard.diff.NormalizerRegistry;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ParallelReads;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ResourceType;
import dev.switchboard.provider.Updater;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * The targets of one desired state, opened for one command run or daemon reconcile: plans them,
 * checks a saved plan is still fresh, applies. Remembers the live state it last fetched per target,
 * so an apply resolves IDs from what its plan was computed on. Closing it closes the providers and
 * embedded simulators.
 */
public final class EngineSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EngineSession.class);

    private final DesiredState state;
    private final List<String> targets;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir;
    private final Connections connections;
    private final NormalizerRegistry normalizers;
    private final Clock clock;
    private final OptionalInt parallelism;
    private final Map<String, Connection> open = new LinkedHashMap<>();
    private final Map<String, ResourceSet> lastLive = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, ApplyLock> locks = new LinkedHashMap<>();
    private final ApplyLocks applyLocks;
    private final Prefetch prefetch;
    /** The targets whose connection came from {@link #prefetch}, with their live state being read. */
    private final Map<String, Prefetch.Taken> readAhead = new java.util.concurrent.ConcurrentHashMap<>();

    EngineSession(DesiredState state, List<String> targets, Path workDir, Connections connections,
                  NormalizerRegistry normalizers, Clock clock,
                  OptionalInt parallelism, Prefetch prefetch, ApplyLocks applyLocks) {
        this.prefetch = prefetch;
        this.applyLocks = applyLocks;
        this.normalizers = normalizers;
        this.state = state;
        this.parallelism = parallelism;
        this.targets = List.copyOf(targets);
        this.workDir = workDir;
        this.connections = connections;
        this.clock = clock;
    }

    public DesiredState state() {
        return state;
    }

    /** The targets this session covers, in the order {@code switchboard.yaml} declares them. */
    public List<String> targets() {
        return targets;
    }

    /**
     * Fetches every covered target's live state and plans it against the desired state.
     *
     * @throws EngineException when an {@code --only} pattern names a kind none of the targets has, or a key
     *                         that matches no object declared or live: a typo must not read as "no changes"
     */
    public Plan plan(PlanRequest request, Progress progress) {
        return plan(request, progress, false);
    }

    /**
     * As {@link #plan}, for a report ({@code plan}, {@code drift}): a target whose live state cannot be read
     * is in it with that as its error ({@link PlanError.Reason#UNREADABLE}) and no changes, and the other
     * targets with theirs, where {@link #plan} fails as a whole. The plan has errors, so no apply takes it.
     */
    public Plan report(PlanRequest request, Progress progress) {
        return plan(request, progress, true);
    }

    private Plan plan(PlanRequest request, Progress progress, boolean keepGoing) {
        requireKnownKinds(request.only());
        Set<KeyPattern> matched = new HashSet<>();
        Map<String, Set<String>> keysByKind = new TreeMap<>();
        List<TargetPlan> plans = new ArrayList<>();
        boolean someUnread = false;
        List<TargetWork> works = planInParallel(request);
        for (int i = 0; i < works.size(); i++) {
            TargetWork work = works.get(i);
            work.progress.replayTo(progress);
            try {
                plans.add(work.join());
            } catch (ProviderException e) {
                if (!keepGoing) {
                    throw e;
                }
                LOG.warnf("%s: %s", targets.get(i), e.getMessage());
                plans.add(TargetPlan.unreadable(targets.get(i), spec(targets.get(i)).policy(), e.getMessage()));
                someUnread = true;
            }
            matched.addAll(work.matched);
            work.keysByKind.forEach((kind, keys) -> keysByKind.computeIfAbsent(kind, k -> new TreeSet<>()).addAll(keys));
        }
        for (KeyPattern pattern : request.only()) {
            // A pattern may match in a target that could not be read: only "matches nothing" when all were.
            if (!matched.contains(pattern) && !someUnread) {
                Set<String> keys = keysByKind.getOrDefault(pattern.kind(), Set.of());
                String hint = Suggestions.closest(pattern.keyPath().orElse(""), keys).map(k -> "; did you mean "
                        + pattern.kind() + "/" + k + "?").orElse("");
                throw new EngineException("--only " + pattern + " matches no object declared or live in "
                        + String.join(", ", targets) + hint);
            }
        }
        return Plan.of(withNumberPlanErrors(plans));
    }

    /**
     * The plans with the errors of {@code settings.numberPlan} that need the servers ({@link NumberPlanLiveCheck}):
     * a declared extension held on another target of its scope by an object no file declares.
     */
    private List<TargetPlan> withNumberPlanErrors(List<TargetPlan> plans) {
        if (state.settings().numberPlan().scopes().isEmpty()) {
            return plans;
        }
        Map<String, List<PlanError>> errors = NumberPlanLiveCheck.check(state.settings().numberPlan(), state.resources(),
                Map.copyOf(lastLive));
        return plans.stream().map(p -> p.withMoreErrors(errors.getOrDefault(p.target(), List.of()))).toList();
    }

    /**
     * Starts every target's fetch and plan at once (each target's own reads bounded by its parallelism),
     * each telling a progress that holds its events until {@link TargetWork#progress} is replayed: the
     * caller then sees the targets' progress, and their plans, in declaration order, as if planned one
     * after another. The connections are opened first, on this thread.
     */
    private List<TargetWork> planInParallel(PlanRequest request) {
        targets.forEach(this::connection);
        List<TargetWork> works = new ArrayList<>();
        for (String target : targets) {
            TargetWork work = new TargetWork();
            Thread thread = new Thread(() -> {
                try {
                    work.result.complete(planTarget(target, request, work.progress, work.matched, work.keysByKind));
                } catch (RuntimeException | Error e) {
                    work.result.completeExceptionally(e);
                } finally {
                    work.progress.end();
                }
            }, "plan-" + target);
            thread.setDaemon(true);
            thread.start();
            works.add(work);
        }
        return works;
    }

    /** One target's plan under way. */
    private static final class TargetWork {
        final CompletableFuture<TargetPlan> result = new CompletableFuture<>();
        final DeferredProgress progress = new DeferredProgress();
        final Set<KeyPattern> matched = new HashSet<>();
        final Map<String, Set<String>> keysByKind = new TreeMap<>();

        TargetPlan join() {
            return ParallelReads.join(result);
        }
    }

    private void requireKnownKinds(List<KeyPattern> only) {
        Set<String> kinds = new TreeSet<>();
        for (String target : targets) {
            connection(target).provider().types().forEach(type -> kinds.add(type.kind().name()));
        }
        for (KeyPattern pattern : only) {
            if (!kinds.contains(pattern.kind())) {
                String hint = Suggestions.closest(pattern.kind(), kinds).map(k -> "did you mean '" + k + "'?")
                        .orElse("the kinds of " + String.join(", ", targets) + " are: " + String.join(", ", kinds));
                throw new EngineException("--only " + pattern + ": '" + pattern.kind() + "' is not a kind of "
                        + String.join(", ", targets) + "; " + hint);
            }
        }
    }

    private TargetPlan planTarget(String target, PlanRequest request, Progress progress, Set<KeyPattern> matched,
                                  Map<String, Set<String>> keysByKind) {
        TargetSpec spec = spec(target);
        Provider provider = connection(target).provider();
        ResourceSet desired = state.resourcesOf(target);
        ResourceSet live = liveState(target, desired, provider, progress);
        if (!request.only().isEmpty()) {
            for (ResourceSet set : List.of(desired, live)) {
                for (Resource resource : set.all()) {
                    keysByKind.computeIfAbsent(resource.kind().name(), k -> new TreeSet<>()).add(resource.key().path());
                    request.only().stream().filter(p -> p.matches(resource.key())).forEach(matched::add);
                }
            }
            desired = filter(desired, request.only());
            live = filter(live, request.only());
        }
        TargetCapabilities capabilities = capabilities(provider);
        WriteOnlyFingerprints fingerprints = fingerprints(target);
        // A singleton is never created, so its write-only fields (a voicemail PIN) are sent the first time
        // they are declared, as a create would send them, and after that when they change.
        WriteOnlyPolicy writeOnly = fingerprints.changedSinceLastSent().or((key, field, value) ->
                capabilities.of(key.kind()).map(KindCapabilities::singleton).orElse(false)
                        && fingerprints.recorded(key, field).isEmpty());
        Planner planner = new Planner(normalizers,
                request.replaceSecrets() ? WriteOnlyPolicy.ALWAYS : writeOnly);
        TargetPlan plan = planner.plan(spec, desired, live, capabilities, connections.renameRules());
        rememberRenamedKeys(target, plan);
        if (request.replaceSecrets()) {
            return plan;
        }
        List<PlanWarning> warnings = new ArrayList<>(plan.warnings());
        warnings.addAll(unrecorded(plan, fingerprints, capabilities));
        return plan.withWarnings(warnings);
    }

    /**
     * Adds to the live state the apply resolves IDs from each object the plan renames (and each child that
     * follows it) under its new key as well, so that an object created under a renamed parent finds the
     * parent's server ID.
     */
    private void rememberRenamedKeys(String target, TargetPlan plan) {
        ResourceSet live = lastLive.get(target);
        if (live == null || plan.changes().stream().allMatch(c -> c.renamedFrom().isEmpty())) {
            return;
        }
        Map<ResourceKey, Resource> both = new LinkedHashMap<>(live.byKey());
        for (Change change : plan.changes()) {
            change.renamedFrom().ifPresent(old -> {
                Resource found = change.before().orElseThrow();
                both.putIfAbsent(change.key(), new Resource(change.key(), found.fields(), found.dependsOn(), found.id(),
                        found.options(), found.origin()));
            });
        }
        lastLive.put(target, ResourceSet.of(target, both.values()));
    }

    /**
     * The declared write-only fields of existing objects that this plan does not send and whose last sent
     * value Switchboard has no record of (no fingerprint: a fresh checkout, a lost {@code .switchboard/}):
     * the plan cannot tell whether the server has them, so it says so instead of a silent "No changes".
     */
    private static List<PlanWarning> unrecorded(TargetPlan plan, WriteOnlyFingerprints fingerprints,
                                                TargetCapabilities capabilities) {
        List<PlanWarning> warnings = new ArrayList<>();
        for (Change change : plan.changes()) {
            // most kinds have no write-only field: nothing to look up for their 10,000s of objects
            if ((change.action() != Action.NO_OP && change.action() != Action.UPDATE) || change.after().isEmpty()
                    || change.kind().writeOnlyFields().isEmpty()
                    || capabilities.of(change.kind()).map(KindCapabilities::singleton).orElse(false)) {
                continue;
            }
            Set<String> sent = change.fields().stream().map(FieldDiff::field).collect(java.util.stream.Collectors.toSet());
            for (String field : new TreeSet<>(change.after().get().fields().keySet())) {
                if (change.kind().isWriteOnly(field) && !sent.contains(field)
                        && fingerprints.recorded(change.key(), field).isEmpty()) {
                    boolean secret = change.after().get().fields().get(field) instanceof dev.switchboard.model.Secret;
                    warnings.add(PlanWarning.noRecordOfLastSent(plan.target(), change.key(), field, secret));
                }
            }
        }
        return warnings;
    }

    /**
     * The live state read ahead of the target, once the provider has been told what is declared and says the
     * read covers it; otherwise read now.
     */
    private ResourceSet liveState(String target, ResourceSet desired, Provider provider, Progress progress) {
        Prefetch.Taken taken = readAhead.remove(target);
        if (taken == null) {
            return fetch(target, progress);
        }
        taken.progress().replayTo(progress);
        ResourceSet live = taken.join();
        provider.expect(desired);
        if (!provider.readCovers(desired)) {
            return fetch(target, progress);
        }
        lastLive.put(target, live);
        return live;
    }

    /** Reads a target's live state afresh. */
    public ResourceSet fetch(String target, Progress progress) {
        Prefetch.Taken unused = readAhead.remove(target);
        if (unused != null) {
            // a read ahead nobody took: let it end before the provider is told what is declared and read again
            unused.live().handle((live, failure) -> live).join();
            connection(target).provider().expect(state.resourcesOf(target));
        }
        progress.start("fetching " + target, 0);
        try {
            ResourceSet live = connection(target).provider().fetchLiveState(progress::step);
            lastLive.put(target, live);
            return live;
        } finally {
            progress.finish();
        }
    }

    /**
     * Re-reads every target of a saved plan and names each object that changed since the plan was made
     * (SPEC section 4: a stale plan is never applied). Empty when the plan is fresh.
     */
    public List<String> staleObjects(Plan saved, Progress progress) {
        List<String> stale = new ArrayList<>();
        for (TargetPlan target : saved.targets()) {
            ResourceSet live = fetch(target.target(), progress);
            for (Change change : target.changes()) {
                if (!change.callsApi()) {
                    continue;
                }
                Optional<Resource> now = live.get(change.renamedFrom().orElse(change.key()));
                if (change.action() == Action.CREATE) {
                    now.ifPresent(r -> stale.add(describe(change) + " was created on the server since the plan"));
                } else if (now.isEmpty()) {
                    stale.add(describe(change) + " was deleted on the server since the plan");
                } else if (!change.liveFingerprint().map(f -> f.equals(Fingerprint.of(now.get()))).orElse(false)) {
                    stale.add(describe(change) + " changed on the server since the plan");
                }
            }
        }
        return stale;
    }

    /**
     * What applying a saved plan carries out: the plan computed afresh from the desired state and the
     * servers as they are now, cut down to the objects the saved plan changes, so that every gate
     * (readOnly, protect, thresholds, the API's refusals) is that of {@code switchboard.yaml} now, not the
     * one written in the file; and each saved change that the desired state no longer asks for, or asks
     * for differently, named. Only when that list is empty may the plan be applied.
     */
    public Revalidation revalidate(Plan saved, Progress progress) {
        List<String> differences = new ArrayList<>();
        List<TargetPlan> fresh = new ArrayList<>();
        // A session is only opened on declared targets: apply refuses a saved plan of an undeclared one first.
        for (TargetPlan savedTarget : saved.targets()) {
            boolean secretsForced = savedTarget.apiChanges().stream().flatMap(c -> c.fields().stream())
                    .anyMatch(FieldDiff::sensitive);
            PlanRequest request = new PlanRequest(Set.of(savedTarget.target()), List.of(), secretsForced);
            TargetPlan now = planTarget(savedTarget.target(), request, progress, new HashSet<>(), new TreeMap<>());
            Map<ResourceKey, Change> nowByKey = new LinkedHashMap<>();
            now.changes().forEach(c -> nowByKey.put(c.key(), c));
            Set<ResourceKey> keys = new LinkedHashSet<>();
            for (Change change : savedTarget.apiChanges()) {
                keys.add(change.key());
                Change current = nowByKey.get(change.key());
                if (current != null && current.action() == Action.UPDATE && change.action() == Action.UPDATE) {
                    // A write-only field forced for the plan's sake (--replace-secrets) is sent only where the plan did.
                    Set<String> planned = change.fields().stream().map(FieldDiff::field).collect(java.util.stream.Collectors.toSet());
                    Change wide = current;
                    current = Change.update(wide.target(), wide.before().orElseThrow(), wide.after().orElseThrow(),
                            wide.fields().stream().filter(f -> planned.contains(f.field())
                                    || !wide.kind().isWriteOnly(f.field())).toList());
                    nowByKey.put(change.key(), current);
                }
                if (current == null || current.action() != change.action()) {
                    differences.add(describe(change) + ": the plan says " + change.action().json()
                            + ", the desired state and servers now ask for " + (current == null ? "nothing"
                            : current.action().json()));
                } else if (!sameOutcome(change, current)) {
                    differences.add(describe(change) + ": the plan's " + change.action().json()
                            + " differs from what the desired state now asks for");
                }
            }
            fresh.add(new TargetPlan(now.target(), now.policy(), now.liveObjects(),
                    now.changes().stream().filter(c -> keys.contains(c.key())).map(c -> nowByKey.get(c.key())).toList(),
                    now.errors().stream().filter(e -> keys.contains(e.key())).toList()));
        }
        List<TargetPlan> checked = withNumberPlanErrors(fresh).stream().map(p -> new TargetPlan(p.target(), p.policy(),
                p.liveObjects(), p.changes(), p.errors().stream().filter(e -> e.reason() != PlanError.Reason.NUMBER_TAKEN
                || p.changes().stream().anyMatch(c -> c.key().equals(e.key()))).toList(), p.warnings())).toList();
        return new Revalidation(Plan.of(checked), differences);
    }

    /**
     * @param plan        what to apply: the saved plan's objects, planned afresh
     * @param differences the saved changes that the desired state no longer asks for as written
     */
    public record Revalidation(Plan plan, List<String> differences) {
    }

    private static boolean sameOutcome(Change saved, Change now) {
        return switch (saved.action()) {
            case CREATE -> saved.after().map(Resource::fields).equals(now.after().map(Resource::fields));
            case UPDATE -> fieldsAfter(saved).equals(fieldsAfter(now));
            default -> true;
        };
    }

    private static Map<String, Optional<Object>> fieldsAfter(Change change) {
        Map<String, Optional<Object>> after = new TreeMap<>();
        change.fields().forEach(f -> after.put(f.field(), f.sensitive() ? Optional.of("(sensitive)") : f.after()));
        return after;
    }

    /**
     * Takes the apply lock of every target of this session, in name order, and holds it until the session
     * is closed: taken before the plan an apply acts on, so that two applies never act on one plan, and a
     * second apply that waited does not apply a plan made before the first one changed the servers.
     *
     * @param timeout how long to wait for an apply that holds a lock (zero: refuse at once)
     * @param command who takes it, for the message another apply shows: {@code apply}, {@code serve}
     * @throws EngineException naming the holder of a lock still held after {@code timeout}
     */
    public void lockForApply(Duration timeout, String command) {
        for (String target : targets.stream().sorted().toList()) {
            if (!locks.containsKey(target)) {
                locks.put(target, applyLocks.acquire(state.settings().lock(), workDir, target, timeout, command, clock));
            }
        }
    }

    /** The apply lock this session holds on {@code target}, if it took one (for tests). */
    ApplyLock lock(String target) {
        return locks.get(target);
    }

    /**
     * Reads the journals of this session's targets whose apply was killed (no {@code end} event) and checks
     * each change they had started without recording a result against the live state as the last plan
     * read it: whether the server carried it out. Marks those journals examined, with the findings, so
     * that they are reported once. Call it holding the apply lock, after the plan: the plan is computed
     * from the servers as they are, so nothing a killed apply did is done twice; this says what it did.
     *
     * @return one line per unfinished change, naming the journal, the change and what the server shows
     */
    public List<String> examineInterruptedApplies() {
        List<String> findings = new ArrayList<>();
        for (String target : targets) {
            ResourceSet live = lastLive.get(target);
            if (live == null) {
                continue; // not read by this session: left for the next apply that reads it
            }
            for (Journal.Interrupted journal : Journal.interrupted(workDir, target)) {
                List<String> found = new ArrayList<>();
                for (JsonNode started : journal.unfinished()) {
                    String kind = started.path("kind").asText();
                    String key = started.path("key").asText();
                    String action = started.path("action").asText();
                    Optional<Resource> now = live.all().stream()
                            .filter(r -> r.kind().name().equals(kind) && r.key().path().equals(key)).findFirst();
                    String outcome;
                    if (action.equals("delete")) {
                        outcome = now.isEmpty() ? "done: gone from the server" : "not done: still on the server";
                    } else if (now.isEmpty()) {
                        outcome = "not done: not on the server";
                    } else if (action.equals("create")) {
                        outcome = "done: found on the server";
                    } else {
                        outcome = carriedOut(started.path("after"), now.get()) ? "done: the server has the planned fields"
                                : "not done: the server does not have the planned fields";
                    }
                    found.add(action + " " + kind + " " + key + ": " + outcome);
                }
                Journal.examined(journal, found, clock);
                Path shown = workDir.relativize(journal.file());
                if (found.isEmpty()) {
                    findings.add(target + ": the apply of " + shown + " was interrupted between changes; none was left unfinished");
                }
                found.forEach(f -> findings.add(target + ": interrupted apply " + shown + ": " + f));
            }
        }
        return findings;
    }

    /**
     * Whether {@code live} has the fields of a journal's {@code after} as planned; write-only fields and
     * masked secrets (the journal never holds a secret's value) cannot tell, and are passed over.
     */
    private static boolean carriedOut(JsonNode after, Resource live) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = after.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (live.kind().isWriteOnly(field.getKey()) || !live.fields().containsKey(field.getKey())
                    || field.getValue().asText().equals(dev.switchboard.model.Secret.MASK)) {
                continue;
            }
            if (!JSON.valueToTree(live.fields().get(field.getKey())).equals(field.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The inverse plan of the apply that {@code journal} records (SPEC: {@code switchboard rollback}), from
     * the live state read now: see {@link dev.switchboard.plan.InversePlanner}. Its target must be one of this
     * session's; take the apply lock first ({@link #lockForApply}), so that no apply changes the servers
     * between this plan and its apply. The plan is then applied by {@link #apply}, gated as any plan.
     *
     * @param force roll back objects changed on the server since (stale) anyway
     */
    public Rollback rollback(Path journal, boolean force, Progress progress) {
        String target = AppliedJournal.targetOf(journal);
        Provider provider = connection(target).provider();
        Map<String, dev.switchboard.model.ResourceKind> kinds = new LinkedHashMap<>();
        provider.types().forEach(type -> kinds.put(type.kind().name(), type.kind()));
        AppliedJournal applied = AppliedJournal.read(journal, name -> Optional.ofNullable(kinds.get(name)));
        ResourceSet live = fetch(target, progress);
        Path shown = journal.toAbsolutePath().startsWith(workDir) ? workDir.relativize(journal.toAbsolutePath())
                : journal.getFileName();
        TargetPlan inverse = new dev.switchboard.plan.InversePlanner(normalizers).invert(spec(target), applied.applied(),
                live, state.resourcesOf(target), capabilities(provider), force, shown.toString());
        return new Rollback(applied, Plan.of(List.of(inverse)));
    }

    /**
     * A rollback's inverse plan.
     *
     * @param journal what the journal says the apply did, and what it leaves alone
     */
    public record Rollback(AppliedJournal journal, Plan plan) {

        /**
         * Whether its creates must run one at a time: a version 1 journal does not say what each deleted
         * object depends on, so only the plan's order (parents first) keeps a child from going before its parent.
         */
        public boolean sequential() {
            return journal.applied().stream().anyMatch(c -> !c.dependsOnKnown());
        }
    }

    /**
     * Applies every target of {@code plan} that may be applied: targets that are read-only, have plan
     * errors or exceed a safety threshold (unless forced) are refused and reported, the others applied,
     * all at once (each target is a server of its own, and each still applies its changes in dependency
     * order, bounded by its parallelism), each with a progress of its own ({@link Progress#forConcurrentTask}).
     * Returns when every target's apply has ended, its reports in the plan's order. When a target's apply
     * fails as a whole (its journal cannot be written), the others still run to their end, and then the
     * first such failure is thrown.
     */
    public ApplyReport apply(Plan plan, ApplyOptions options, Progress progress) {
        List<CompletableFuture<TargetApplyReport>> reports = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        // One target with changes shows its progress as before; several get a line each.
        boolean several = plan.targets().stream().filter(t -> !t.apiChanges().isEmpty()).count() > 1;
        for (TargetPlan target : plan.targets()) {
            List<String> refusals = refusals(target, options.force());
            ChangeWindows.State window = window(target.target());
            if (!target.apiChanges().isEmpty() && !window.open()) {
                if (options.overrideWindow()) {
                    LOG.warnf("--override-window: %s is applied outside its change window: %s", target.target(),
                            window.describe());
                } else {
                    refusals.add(outsideWindow(target.target(), window));
                }
            }
            if (!refusals.isEmpty()) {
                reports.add(CompletableFuture.completedFuture(TargetApplyReport.refused(target.target(), refusals)));
                continue;
            }
            // Locks and connections are taken here, on this thread, in the plan's order; the applies then run apart.
            if (!locks.containsKey(target.target())) {
                locks.put(target.target(), applyLocks.acquire(state.settings().lock(), workDir, target.target(), Duration.ZERO,
                        "apply", clock));
            }
            Connection connection = connection(target.target());
            int parallelism = options.parallelism().orElse(spec(target.target()).policy().parallelism());
            Progress line = target.apiChanges().isEmpty() ? Progress.NONE : several ? progress.forConcurrentTask() : progress;
            line.start("applying " + target.target(), target.apiChanges().size());
            CompletableFuture<TargetApplyReport> report = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                // The line is finished before the report is handed over, so that nothing draws after the report.
                try {
                    TargetApplyReport applied = applyTarget(target, connection, parallelism, line);
                    line.finish();
                    report.complete(applied);
                } catch (RuntimeException | Error e) {
                    line.finish();
                    report.completeExceptionally(e);
                }
            }, "apply-" + target.target());
            reports.add(report);
            running.add(thread);
        }
        running.forEach(Thread::start);
        List<TargetApplyReport> done = new ArrayList<>();
        RuntimeException failed = null;
        for (CompletableFuture<TargetApplyReport> report : reports) {
            try {
                done.add(report.join());
            } catch (CompletionException e) {
                if (failed == null) {
                    failed = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return new ApplyReport(done);
    }

    /** {@code target}'s change window now ({@code settings.windows}, read at this session's clock). */
    public ChangeWindows.State window(String target) {
        return state.settings().windows().state(target, clock.instant());
    }

    /** Whether {@code settings.windows} has any window: when not, plan and apply say nothing of windows. */
    public boolean hasWindows() {
        return !state.settings().windows().windows().isEmpty();
    }

    /** The refusal of an apply outside its window, naming the next opening. */
    public static String outsideWindow(String target, ChangeWindows.State window) {
        return "target " + target + " is outside its change window: " + window.describe()
                + "; use --override-window to apply anyway";
    }

    private TargetApplyReport applyTarget(TargetPlan target, Connection connection, int parallelism, Progress progress) {
        ResourceSet live = lastLive.containsKey(target.target())
                ? lastLive.get(target.target()) : fetch(target.target(), Progress.NONE);
        WriteOnlyFingerprints fingerprints = fingerprints(target.target());
        try {
            ApplyLock lock = locks.get(target.target());
            return new TargetApplier(connection.provider(), live, fingerprints, clock,
                    () -> lock == null ? Optional.empty() : lock.lost())
                    .apply(target, workDir, parallelism, progress::step);
        } finally {
            fingerprints.flush();
            lastLive.remove(target.target());
        }
    }

    private List<String> refusals(TargetPlan target, boolean force) {
        List<String> refusals = new ArrayList<>();
        if (target.apiChanges().isEmpty()) {
            return refusals;
        }
        // One list, one wording per refusal: the gate's (plan errors, readOnly, thresholds), as the plan shows it.
        SafetyVerdict verdict = SafetyPolicy.evaluate(target, force);
        for (SafetyVerdict.Violation violation : verdict.refusals()) {
            refusals.add(violation.message());
        }
        for (SafetyVerdict.Violation violation : verdict.overridden()) {
            LOG.warnf("--force: %s", violation.message());
        }
        return refusals;
    }

    /** Where a target's write-only fingerprints live: in the work directory's .switchboard. */
    private WriteOnlyFingerprints fingerprints(String target) {
        return WriteOnlyFingerprints.open(workDir.resolve(".switchboard"), target);
    }

    private Connection connection(String target) {
        if (!targets.contains(target)) {
            throw new EngineException("target " + target + " is not part of this run");
        }
        return open.computeIfAbsent(target, t -> {
            Optional<Prefetch.Taken> taken = prefetch.take(t, spec(t));
            if (taken.isPresent()) {
                // told what is declared once its read is in: see liveState
                readAhead.put(t, taken.get());
                return taken.get().connection();
            }
            Connection connection = connections.open(workDir, spec(t));
            connection.provider().expect(state.resourcesOf(t));
            return connection;
        });
    }

    /** The target as declared, with {@code --parallelism} applied. */
    private TargetSpec spec(String target) {
        return withParallelism(state.targets().get(target), parallelism);
    }

    static TargetSpec withParallelism(TargetSpec declared, OptionalInt parallelism) {
        if (parallelism.isEmpty()) {
            return declared;
        }
        return declared.withPolicy(declared.policy().withParallelism(parallelism.getAsInt()));
    }

    static TargetCapabilities capabilities(Provider provider) {
        List<KindCapabilities> kinds = new ArrayList<>();
        for (ResourceType type : provider.types()) {
            KindCapabilities kind = new KindCapabilities(type.kind(), type instanceof Creator,
                    type instanceof Updater, type instanceof Deleter, resource -> Optional.empty(), type.singleton());
            if (type instanceof Deleter deleter) {
                kind = kind.refusingDeletion(deleter::deletionRefusal);
            }
            if (type instanceof Creator creator) {
                kind = kind.refusingCreation(creator::creationRefusal);
            }
            kinds.add(kind);
        }
        return new TargetCapabilities(kinds);
    }

    private static ResourceSet filter(ResourceSet set, List<KeyPattern> only) {
        return ResourceSet.of(set.target(), set.all().stream()
                .filter(r -> only.stream().anyMatch(f -> f.matches(r.key())))
                .toList());
    }

    private static String describe(Change change) {
        return change.target() + ": " + change.key();
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Connection connection : open.values()) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        open.clear();
        locks.values().forEach(ApplyLock::close);
        locks.clear();
        if (first != null) {
            throw first;
        }
    }
}
